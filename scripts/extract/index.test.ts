import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedAssignment as Assignment, Plan } from '../../src/domain/types.ts';
import { loadGazetteer } from '../gazetteer/index.ts';
import type { Gazetteer } from '../gazetteer/types.ts';
import { extractAll, industries, plans, texts } from './corpus.ts';
import { extractPlan } from './index.ts';
import type { ExtractionResult } from './types.ts';

let gazetteer: Gazetteer;
let results = new Map<string, ExtractionResult>();

beforeAll(() => {
  gazetteer = loadGazetteer();
  results = extractAll(gazetteer);
});

/** Assignments of a plan (by file prefix) on a line, optionally narrowed to an industry. */
function rows(prefix: string, line: number, industry?: string): Assignment[] {
  return (results.get(prefix)?.assignments ?? []).filter(
    (a) => a.source.line === line && (!industry || a.industry === industry),
  );
}
/** place zh → role, for quick comparison. */
function roles(list: Assignment[]): Record<string, string> {
  return Object.fromEntries(list.map((a) => [gazetteer.byId(a.place)?.zh ?? a.place, a.role]));
}

describe('2014 plan (000)', () => {
  it('line 16: 宜春 core and five cities focus for 中药', () => {
    expect(roles(rows('000', 16, 'pharma-tcm'))).toEqual({
      宜春市: 'core',
      南昌市: 'focus',
      赣州市: 'focus',
      抚州市: 'focus',
      鹰潭市: 'focus',
      吉安市: 'focus',
    });
  });
  it('line 16: 医疗器械 南昌 core, 九江 and 宜春 supporting; 生物技术药 抚州 core', () => {
    expect(roles(rows('000', 16, 'pharma-devices'))).toEqual({
      南昌市: 'core',
      九江市: 'supporting',
      宜春市: 'supporting',
    });
    expect(roles(rows('000', 16, 'pharma-biotech'))).toEqual({
      抚州市: 'core',
      南昌市: 'supporting',
      吉安市: 'supporting',
    });
    expect(roles(rows('000', 16, 'pharma-chemical'))).toEqual({ 南昌市: 'focus', 景德镇市: 'focus', 抚州市: 'focus' });
  });
  it('line 32: 新余 core, 上饶 and 九江 focus for 光伏', () => {
    const first = rows('000', 32, 'photovoltaics').filter((a) => a.quote.startsWith('打造以新余为核心区'));
    expect(roles(first)).toEqual({ 新余市: 'core', 上饶市: 'focus', 九江市: 'focus' });
  });
  it('line 20: 南昌重点发展… is focus for 电子信息 with the products listed', () => {
    const a = rows('000', 20, 'electronics').find((r) => r.quote.startsWith('南昌重点发展'));
    expect(a?.role).toBe('focus');
    expect(a?.products).toEqual(['半导体照明', '新型电子元器件', '应用软件', '数字视听', '通信设备']);
  });
  it('line 40: 以鹰潭为中心 → core; 南昌、上饶和吉安 → focus (copper)', () => {
    const first = rows('000', 40, 'copper').filter((a) => a.quote.startsWith('以鹰潭为中心'));
    expect(roles(first)).toEqual({ 鹰潭市: 'core', 南昌市: 'focus', 上饶市: 'focus', 吉安市: 'focus' });
  });
  it('line 60: 赣州经开区 core, the supporting parks supporting (tungsten)', () => {
    const list = rows('000', 60, 'tungsten').filter((a) => a.quote.startsWith('赣州以赣州经开区为龙头'));
    const byText = Object.fromEntries(list.map((a) => [a.placeText, a.role]));
    expect(byText).toMatchObject({ 赣州经开区: 'core', 大余工业园: 'supporting', 崇义县工业小区: 'supporting' });
    expect(list.find((a) => a.placeText === '南康工业园')?.role).toBe('supporting');
  });
  it('line 36: macro-regions of the food belts are assigned', () => {
    const places = new Set(rows('000', 36, 'food').map((a) => gazetteer.byId(a.place)?.level));
    expect(places.has('macro')).toBe(true);
    expect(rows('000', 36).some((a) => a.placeText === '吉泰盆地')).toBe(true);
    expect(rows('000', 36).some((a) => a.placeText === '赣南')).toBe(true);
  });
  it('line 44: county-level places in the petrochemical layout', () => {
    expect(Object.keys(roles(rows('000', 44)))).toEqual(
      expect.arrayContaining(['乐平市', '万年县', '新干县', '樟树市', '兴国县', '会昌县', '贵溪市']),
    );
  });
  it('line 49: 以上高强度 is not 上高县', () => {
    expect(rows('000', 49)).toHaveLength(0);
  });
});

describe('2012 plan (001)', () => {
  it('南康 resolves to the county-level city 南康市 of that year', () => {
    const a = rows('001', 290, 'textiles').find((r) => r.placeText === '南康');
    expect(gazetteer.byId(a?.place ?? '')?.zh).toBe('南康市');
    expect(a?.role).toBe('focus');
  });
  it('在九江湖口建设全国最大的船板生产基地 → 湖口县 for steel, written 九江湖口', () => {
    const a = rows('001', 199, 'steel').find((r) => r.placeText === '九江湖口');
    expect(gazetteer.byId(a?.place ?? '')?.zh).toBe('湖口县');
  });
  it('photovoltaic column: enterprises attach to their city; the supporting cities are supporting', () => {
    const xinyu = rows('001', 68, 'photovoltaics')[0];
    expect(xinyu?.enterprises).toEqual(['赛维LDK', '瑞晶', '升阳光电']);
    expect(Object.values(roles(rows('001', 73)))).toEqual(['supporting', 'supporting', 'supporting', 'supporting']);
  });
  it('parks inside a city clause: 南昌主要依托南昌高新区… gives 南昌 and the park', () => {
    const list = rows('001', 86, 'copper').filter((a) => a.quote.startsWith('南昌主要依托'));
    expect(list.map((a) => a.placeText)).toEqual(expect.arrayContaining(['南昌', '南昌高新区']));
  });
  it('核心区/辐射区 bullets scope the role (semiconductor lighting)', () => {
    const list = rows('001', 115, 'electronics-led');
    expect(list.find((a) => a.placeText === '南昌高新区')?.role).toBe('core');
    expect(list.filter((a) => a.role === 'supporting').map((a) => a.placeText)).toEqual([
      '吉安',
      '赣州',
      '景德镇',
      '九江',
      '宜春',
    ]);
  });
  it('combined sections split by keyword: 赣州 gets both NEV and lithium', () => {
    expect(
      rows('001', 167)
        .map((a) => a.industry)
        .sort(),
    ).toEqual(['auto-nev', 'lithium']);
    expect(rows('001', 163).map((a) => a.industry)).toContain('lithium');
    expect(rows('001', 100).some((a) => a.industry === 'tungsten')).toBe(true);
    expect(rows('001', 100).some((a) => a.industry === 'rare-earth')).toBe(true);
  });
  it('瑞昌、彭泽、九江等县: 九江 is 九江县 here (correction)', () => {
    const a = rows('001', 238).find((r) => r.placeText === '九江');
    expect(gazetteer.byId(a?.place ?? '')?.zh).toBe('九江县');
  });
  it('place names inside company names are not places (中粮粮油（九江）, 巨石集团九江有限公司)', () => {
    expect(rows('001', 303)).toHaveLength(0);
    const glass = rows('001', 189);
    expect(glass.some((a) => a.place === '360400')).toBe(false);
  });
  it('◆产业现状 columns produce no assignments, and the audit lists their sentences as status with the reason', () => {
    const audit = results.get('001')?.audit.sentences ?? [];
    for (const line of [57, 77, 90, 104]) {
      expect(rows('001', line)).toHaveLength(0);
      const listed = audit.filter((s) => s.line === line);
      expect(listed.length, `line ${line}`).toBeGreaterThan(0);
      for (const s of listed)
        expect(s).toMatchObject({ status: 'status', assignments: [], reason: expect.stringMatching(/现状/) });
    }
  });
});

describe('2016 plan (003) and 2018 plans (002, 004)', () => {
  it('003: 通信设备方面，以南昌、九江、吉安为重点 → focus for the sub-industry', () => {
    expect(roles(rows('003', 48, 'electronics-telecom'))).toEqual({
      南昌市: 'focus',
      九江市: 'focus',
      吉安市: 'focus',
    });
  });
  it('003: 以南昌为重点，以九江、吉安、赣州、新余等地为重要支点 (robotics)', () => {
    expect(roles(rows('003', 74))).toEqual({
      南昌市: 'focus',
      九江市: 'supporting',
      吉安市: 'supporting',
      赣州市: 'supporting',
      新余市: 'supporting',
    });
  });
  it('003: 以南昌、九江、景德镇、上饶的整车生产基地为龙头 → core; parts clusters 为配套 → supporting 汽车零部件', () => {
    expect(rows('003', 62, 'auto').find((a) => a.placeText === '南昌')?.role).toBe('core');
    // …等零部件产业集群为配套: the list's own phrase names the sub-industry.
    expect(rows('003', 62, 'auto-parts').find((a) => a.placeText === '赣州经济技术开发区')?.role).toBe('supporting');
  });
  it('002: 提升南昌、吉安、赣州和赣江新区等地产业集聚水平 includes the new area', () => {
    expect(rows('002', 48).map((a) => a.placeText)).toEqual(
      expect.arrayContaining(['南昌', '吉安', '赣州', '赣江新区']),
    );
  });
  it('002: 以南昌为核心，宜春、抚州、赣州协同发展 → 中药 core/supporting', () => {
    expect(roles(rows('002', 52, 'pharma-tcm'))).toEqual({
      // 加快中国（南昌）中医药科创城建设: a directive to build the park, read as focus.
      '中国（南昌）中医药科创城': 'focus',
      南昌市: 'core',
      宜春市: 'supporting',
      抚州市: 'supporting',
      赣州市: 'supporting',
    });
  });
  it('004 names no places: every layout sentence is audited as no-place', () => {
    const audit = results.get('004')?.audit;
    expect(audit?.counts.assignments).toBe(0);
    expect(audit?.sentences.some((s) => s.sectionIndustry === 'furniture')).toBe(true);
  });
});

describe('every plan', () => {
  it('quotes are exactly line[start..end) and ids are unique', () => {
    for (const plan of plans) {
      const lines = (texts.get(plan.file) ?? '').split('\n');
      const result = results.get(plan.file.slice(0, 3));
      const ids = new Set<string>();
      for (const a of result?.assignments ?? []) {
        expect(lines[a.source.line - 1]?.slice(a.source.start, a.source.end)).toBe(a.quote);
        expect(a.quote.includes(a.placeText)).toBe(true);
        expect(ids.has(a.id)).toBe(false);
        ids.add(a.id);
      }
    }
  });
  it('every assignment is listed in the audit, and places and industries are known', () => {
    const industryIds = new Set(industries.map((i) => i.id));
    for (const result of results.values()) {
      const audited = new Set(result.audit.sentences.flatMap((s) => s.assignments));
      for (const a of result.assignments) {
        expect(audited.has(a.id)).toBe(true);
        expect(gazetteer.byId(a.place)).toBeDefined();
        expect(industryIds.has(a.industry)).toBe(true);
      }
    }
  });
  it('is deterministic', () => {
    const plan = plans[0] as Plan;
    const again = extractPlan({ plan, text: texts.get(plan.file) ?? '', gazetteer, industries });
    expect(JSON.stringify(again)).toBe(JSON.stringify(results.get(plan.file.slice(0, 3))));
  });
  it('warns about a place-like form the gazetteer does not know, naming file and line', () => {
    const plan = plans[0] as Plan;
    const text = '　　（五）光伏产业。\n　　2.区域布局。在南昌、虚构县工业园区重点发展硅片。\n';
    const result = extractPlan({ plan, text, gazetteer, industries });
    expect(result.warnings.some((w) => w.line === 2 && w.message.includes('虚构县工业园区'))).toBe(true);
    expect(result.assignments.map((a) => a.placeText)).toContain('南昌');
  });
});
