/**
 * Cases from a hand-check of every layout sentence of the five plans (docs/extraction.md, "Annotation guide").
 * Each case names the seed and line it was read from, and one class of error the review found and fixed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedAssignment as Assignment, Plan } from '../../src/domain/types.ts';
import { loadGazetteer } from '../gazetteer/index.ts';
import type { Gazetteer } from '../gazetteer/types.ts';
import { extractAll, industries, plans, texts } from './corpus.ts';
import { extractPlan } from './index.ts';
import { extractProducts } from './products.ts';
import type { ExtractionResult } from './types.ts';

let gazetteer: Gazetteer;
let results = new Map<string, ExtractionResult>();

beforeAll(() => {
  gazetteer = loadGazetteer();
  results = extractAll(gazetteer);
});

/** Rows of a plan (file prefix) on a line whose quote starts with `quote`. */
function rows(prefix: string, line: number, quote = ''): Assignment[] {
  return (results.get(prefix)?.assignments ?? []).filter((a) => a.source.line === line && a.quote.startsWith(quote));
}
/** "placeText industry role" triples, sorted, for whole-sentence comparison. */
function triples(list: Assignment[]): string[] {
  return list.map((a) => `${a.placeText} ${a.industry} ${a.role}`).sort();
}

describe('bullet titles (--核心区： / --扩大区：) scope the clause they open; later clauses keep their own cue', () => {
  it('001 line 146: 核心区 is 南昌; the parks in it 重点发展 their products → focus', () => {
    expect(triples(rows('001', 146))).toEqual(
      [
        '南昌 pharma core',
        '南昌高新技术开发区 pharma focus',
        '南昌小蓝经济开发区 pharma focus',
        '桑海医药工业园 pharma focus',
        // The base's own name names the sub-industry (as 南昌小蓝汽车及零部件产业基地 → 汽车).
        '进贤医疗器械产业基地 pharma-devices focus',
      ].sort(),
    );
  });
  it('001 line 147: 扩大区：以宜春等设区市…为主要平台 → 宜春 supporting (the title outranks 主要平台)', () => {
    const list = rows('001', 147);
    expect(list.find((a) => a.placeText === '宜春')?.role).toBe('supporting');
    expect(list.find((a) => a.placeText === '樟树福城医药工业园')?.role).toBe('focus');
  });
  it('001 line 115: 核心区/辐射区 still give core and supporting', () => {
    expect(triples(rows('001', 115, '核心区'))).toEqual([
      '南昌 electronics-led core',
      '南昌高新区 electronics-led core',
    ]);
    expect(rows('001', 115, '辐射区').every((a) => a.role === 'supporting')).toBe(true);
  });
});

describe('roles from the words after 为', () => {
  it('001 line 309: 完善以南昌地区为主的现有乳制品加工业 → 南昌 core', () => {
    expect(triples(rows('001', 309, '完善以南昌地区为主'))).toEqual(['南昌 food core']);
  });
  it('001 line 309: …沿浙赣线、京九线为主的优质生猪基地 only describes the bases (no 以) → focus', () => {
    expect(triples(rows('001', 309, '依托赣中'))).toContain('浙赣线 food focus');
  });
  it('001 line 274: 宜春重点发展高安的水轮发电机…樟树的起重机 — the nested products are not 宜春’s', () => {
    const list = rows('001', 274);
    expect(list.find((a) => a.placeText === '宜春')?.products).toEqual([]);
    expect(list.find((a) => a.placeText === '樟树')?.products).toEqual(['起重机', '矿山机械']);
  });
  it('003 line 66: 中船九江工业公司 is a company, not a mention of 九江', () => {
    expect(rows('003', 66)).toHaveLength(0);
  });
  it('001 line 86: 鹰潭以江铜集团为核心 — the 核心 is the company’s; 鹰潭 stays focus in that sentence', () => {
    expect(rows('001', 86, '鹰潭以江铜集团为核心').find((a) => a.placeText === '鹰潭')?.role).toBe('focus');
  });
});

describe('industry: the sub-industry the clause names, not the combined section’s first', () => {
  it('001 line 162: …汽车零部件产业基地为依托，…零部件产业 → 汽车零部件, not 新能源汽车', () => {
    expect(triples(rows('001', 162, '以南昌小蓝经济开发区'))).toEqual([
      '南昌小蓝经济开发区 auto-parts focus',
      '南昌经济技术开发区 auto-parts focus',
    ]);
  });
  it('001 line 165: 景德镇 …节能发动机、纯电动汽车 stays 新能源汽车 only', () => {
    expect(rows('001', 165).map((a) => a.industry)).toEqual(['auto-nev']);
  });
});

describe('sentences outside industry sections whose place phrase names its industry', () => {
  it('001 line 336: 把鹰潭铜产业基地、新余光伏产业基地、南昌及景德镇汽车产业基地和航空产业基地… each place its industries', () => {
    expect(triples(rows('001', 336, '把鹰潭铜产业基地'))).toEqual(
      [
        '鹰潭 copper focus',
        '新余 photovoltaics focus',
        '南昌 auto focus',
        '南昌 aviation focus',
        '景德镇 auto focus',
        '景德镇 aviation focus',
        '九江 petrochem focus',
        '九江 aviation focus',
        '宜春锂电产业基地 lithium focus',
        '赣南 tungsten focus',
        '赣南 rare-earth focus',
      ].sort(),
    );
  });
  it('001 line 359: 强化南昌、吉安、景德镇等主要城市的信息产业基地 → 电子信息 focus', () => {
    expect(triples(rows('001', 359))).toEqual([
      '南昌 electronics focus',
      '吉安 electronics focus',
      '景德镇 electronics focus',
    ]);
  });
  it('003 line 107: the 智能制造集聚区 are named parks whose names carry their industry', () => {
    expect(triples(rows('003', 107))).toEqual(
      [
        '南昌航空工业城 aviation focus',
        '南昌小蓝汽车及零部件产业基地 auto focus',
        '景德镇直升机产业基地 aviation focus',
      ].sort(),
    );
  });
  it('002 line 92: 建设景德镇直升机等军民融合产业基地 → 景德镇 aviation', () => {
    expect(triples(rows('002', 92))).toEqual(['景德镇 aviation focus']);
  });
  it('002 lines 94 and 117: green-manufacturing and finance pilots name no industry → no rows', () => {
    expect(rows('002', 94)).toHaveLength(0);
    expect(rows('002', 117)).toHaveLength(0);
  });
  it('001 line 345: a ◆ title names the topic; 以南昌、吉安…等为中心 is a layout statement → core', () => {
    const list = rows('001', 345);
    expect(list).toHaveLength(5);
    expect(list.every((a) => a.industry === 'electronics' && a.role === 'core')).toBe(true);
  });
  it('001 line 81: 充分发挥南昌、鹰潭、上饶的铜资源和铜产业优势 (existing advantages) stays unassigned', () => {
    expect(rows('001', 81)).toHaveLength(0);
  });
  it('000 line 21: 依托…充分发挥赣州LED荧光粉…生产基地的优势 — existing bases are ties (issue 9), each with its own product', () => {
    const list = rows('000', 21);
    const products = Object.fromEntries(list.map((a) => [a.placeText, a.products]));
    expect(Object.keys(products).sort()).toEqual(['九江', '南昌', '吉安', '宜春', '赣州'].sort());
    expect(list.every((a) => a.role === 'focus' && a.industry === 'electronics-led')).toBe(true);
    expect(products.赣州).toEqual(['LED荧光粉']);
    expect(products.吉安).toEqual(['LED器件封装']);
    expect(products.宜春).toEqual(['LED显示屏']);
    // The complete chain after the clause of objects (做大做强…完整产业链) is the industry's, not 九江's.
    expect(products.九江).toEqual(['节能灯']);
  });
  it('001 line 82: 以丰城、赣州等现有…许可为基础，加快发展铜拆解产业 → both, with 铜拆解', () => {
    const list = rows('001', 82).filter((a) => a.quote.startsWith('以丰城'));
    expect(list.map((a) => [a.placeText, a.products])).toEqual([
      ['丰城', ['铜拆解']],
      ['赣州', ['铜拆解']],
    ]);
  });
});

describe('enterprises and products', () => {
  it('001 line 100: the tungsten companies after 重点扶持 are not the supporting parks’', () => {
    for (const a of rows('001', 100, '按照“政府引导')) expect(a.enterprises).toEqual([]);
  });
  it('001 line 68: companies in the place’s own clause stay attached', () => {
    expect(rows('001', 68)[0]?.enterprises).toEqual(['赛维LDK', '瑞晶', '升阳光电']);
  });
  it('001 line 183: 加快发展满足大飞机、交通运输设备等需求的高性能铝合金 → 高性能铝合金', () => {
    const products = rows('001', 183)[0]?.products ?? [];
    expect(products).toContain('高性能铝合金');
    expect(products).not.toContain('大飞机');
    expect(products).not.toContain('交通运输设备');
  });
  it('001 line 287: 提升我省与河南、安徽… gives no products', () => {
    for (const a of rows('001', 287)) expect(a.products).not.toContain('安徽');
  });
  it('products: 发展生产轴承 → 轴承; 配套产业 and 产业素质 are not products', () => {
    expect(extractProducts('，发展生产轴承、齿轮等特种钢材')).toEqual(['轴承', '齿轮']);
    expect(extractProducts('，发展先进配套产业')).toEqual([]);
    expect(extractProducts('，提升产业素质')).toEqual([]);
  });
});

describe('unknown zones that open with a county short form', () => {
  it('莲花湾工业园区 (made up) warns instead of silently becoming 莲花县', () => {
    const plan = plans.find((p) => p.file.startsWith('000')) as Plan;
    const text = (texts.get(plan.file) ?? '').replace('以南昌、赣州', '以南昌、莲花湾工业园区、赣州');
    const result = extractPlan({ plan, text, gazetteer, industries });
    expect(result.warnings.some((w) => w.line === 16 && w.message.includes('莲花湾工业园区'))).toBe(true);
    const plain = (texts.get(plan.file) ?? '').replace('以南昌、赣州', '在莲花湾新区建设中药产业，以南昌、赣州');
    const again = extractPlan({ plan, text: plain, gazetteer, industries });
    expect(again.warnings.some((w) => w.line === 16 && w.message.includes('莲花湾新区'))).toBe(true);
  });
});
