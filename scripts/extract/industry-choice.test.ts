import { describe, expect, it } from 'vitest';
import { industries } from './corpus.ts';
import { chooseIndustries } from './index.ts';
import { headingIndustry, indexIndustries, type Section, sectionIndustry } from './industry.ts';
import type { Correction } from './rules.ts';

const index = indexIndustries(industries);
const pv: Section = { combined: false, id: 'photovoltaics', zh: '光伏产业' };
const combined: Section = { combined: true, zh: '钨和稀土加工产业' };

describe('sections are typed', () => {
  it('a heading names one industry or a combined section (no empty-string id)', () => {
    expect(headingIndustry('（五）光伏产业', index)).toEqual(pv);
    expect(headingIndustry('一、钨和稀土加工产业', index)).toEqual(combined);
    expect(sectionIndustry(pv)).toEqual({ id: 'photovoltaics', zh: '光伏产业' });
    expect(sectionIndustry(combined)).toBeNull();
  });
});

describe('chooseIndustries', () => {
  const none: Correction[] = [];
  it('takes a correction first', () => {
    const fix: Correction = { file: 'x', line: 1, sentence: 's', action: 'industry', industry: 'copper', reason: 'r' };
    expect(chooseIndustries(pv, null, '南昌', 0, [fix], index)).toEqual({
      industries: [{ id: 'copper', zh: '铜' }],
      subLineSource: false,
      forced: true,
    });
  });
  it('splits a combined section by keyword before the topic', () => {
    const topic = { id: 'copper', zh: '铜' };
    expect(chooseIndustries(combined, topic, '赣州稀土', 0, none, index).industries.map((i) => i.id)).toEqual([
      'rare-earth',
    ]);
    expect(chooseIndustries(combined, topic, '赣州', 0, none, index).industries).toEqual([topic]);
    expect(chooseIndustries(combined, null, '赣州', 0, none, index).industries.map((i) => i.id)).toEqual(['tungsten']);
  });
  it('takes the section industry, as a sub-line source; nothing outside sections', () => {
    expect(chooseIndustries(pv, null, '上饶', 0, none, index)).toEqual({
      industries: [{ id: 'photovoltaics', zh: '光伏产业' }],
      subLineSource: true,
      forced: false,
    });
    expect(chooseIndustries(null, null, '上饶', 0, none, index).industries).toEqual([]);
  });
});
