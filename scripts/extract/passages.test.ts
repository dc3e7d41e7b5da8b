import { describe, expect, it } from 'vitest';
import type { Industry } from '../../src/domain/types.ts';
import { indexIndustries } from './industry.ts';
import { findPassages } from './passages.ts';

const industries: Industry[] = [
  { id: 'photovoltaics', zh: '光伏', en: 'PV', parent: null, aliases: ['光伏产业'], pinyin: '' },
  { id: 'copper', zh: '铜', en: 'Copper', parent: null, aliases: ['铜加工产业'], pinyin: '' },
];

describe('findPassages', () => {
  it('finds ◆产业布局 columns until the next block, marks ◆产业现状 lines as status, keeps section industries', () => {
    const lines = [
      '　　一、光伏产业',
      '　　◆产业现状',
      '　　2010年已形成新余光伏产业。',
      '　　◆产业布局',
      '　　专栏一： 光伏产业',
      '　　--新余市重点发展硅料。',
      '',
      '　　二、铜加工产业',
      '　　2.区域布局。以鹰潭为中心。',
    ];
    const found = findPassages(lines, 'x.txt', indexIndustries(industries));
    expect(found.find((p) => p.line === 3)).toMatchObject({ kind: 'status-column' });
    expect(found.find((p) => p.line === 6)).toMatchObject({ kind: 'layout-column', section: { id: 'photovoltaics' } });
    expect(found.find((p) => p.line === 9)).toMatchObject({ kind: 'layout', section: { id: 'copper' } });
  });
});
