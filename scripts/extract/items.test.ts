/**
 * Products and enterprises (issue 9), cases read from the seed texts (docs/extraction.md, "Products and enterprises").
 * Each names the seed and line it was read from.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedAssignment as Assignment } from '../../src/domain/types.ts';
import { loadGazetteer } from '../gazetteer/index.ts';
import { extractAll } from './corpus.ts';
import { findEnterprises } from './enterprises.ts';
import { extractProducts, ownNounProducts } from './products.ts';
import type { ExtractionResult } from './types.ts';

let results = new Map<string, ExtractionResult>();

beforeAll(() => {
  results = extractAll(loadGazetteer());
});

/** Rows of a plan (file prefix) on a line whose quote starts with `quote`. */
function rows(prefix: string, line: number, quote = ''): Assignment[] {
  return (results.get(prefix)?.assignments ?? []).filter((a) => a.source.line === line && a.quote.startsWith(quote));
}
/** placeText → products of the rows. */
function products(list: Assignment[]): Record<string, string[]> {
  return Object.fromEntries(list.map((a) => [a.placeText, a.products]));
}

describe('products: whose they are', () => {
  it('000 line 24: 景德镇 keeps its clause and the place-less clause after it; 赣州 gets 乘用车 and 城市公交车', () => {
    expect(products(rows('000', 24, '景德镇'))).toEqual({ 景德镇: ['微型汽车', '高效节能发动机', '乘用车'] });
    expect(products(rows('000', 24, '赣州'))).toEqual({ 赣州: ['乘用车', '城市公交车'] });
  });
  it('000 line 32: 上饶、九江重点发展…，形成以硅片、电池及组件为主的产业集群 → each of them', () => {
    const got = products(rows('000', 32, '上饶'));
    for (const place of ['上饶', '九江']) expect(got[place]).toEqual(expect.arrayContaining(['硅片', '电池及组件']));
    // The overview sentence names no product.
    for (const a of rows('000', 32, '打造以新余为核心区')) expect(a.products).toEqual([]);
  });
  it('003 line 48: 以南昌、九江、吉安为重点，强化智能手机、车载通信设备的制造能力 → all three; the next sentence is not theirs', () => {
    const got = products(rows('003', 48, '通信设备方面'));
    // The sub-line the clause is about (通信设备方面) is a product line of each.
    for (const place of ['南昌', '九江', '吉安']) expect(got[place]).toEqual(['通信设备', '智能手机', '车载通信设备']);
    // 以元器件骨干企业为依托…在触控屏模组…等产业环节: elaborates without naming a place.
    for (const a of rows('003', 48)) expect(a.products).not.toContain('触控屏模组');
  });
  it('003 line 76: role-only lists share the clauses after them; the head (以…芯片等设计行业为切入点) belongs to every place', () => {
    const got = products(rows('003', 76));
    for (const place of ['南昌', '九江', '吉安']) {
      expect(got[place]).toEqual(
        expect.arrayContaining(['移动互联网芯片', '北斗导航芯片', '高端通用芯片', '可穿戴设备芯片']),
      );
    }
  });
  it('003 line 52: a product in another place’s clause is not the place’s (南昌重点提升…，鹰潭重点提升…)', () => {
    const got = products(rows('003', 52, '积极推动铜精深加工'));
    expect(got.南昌).toEqual(['高精铜箔', '铜（板）带']);
    expect(got.鹰潭).toEqual(['高精铜合金板带材', '精密铜管', '环保铜合金棒']);
    expect(got.上饶).toEqual(['铜包铝漆包线']);
  });
  it('000 line 64: ；-joined parts keep their own places and products', () => {
    expect(products(rows('000', 64, '赣州经开区'))).toEqual({
      赣州经开区: ['稀土磁性材料', '永磁电机', '发光材料及新型光源材料'],
    });
    // A list broken by a parenthesis (沙河工业园（水西有色基地）、定南工业园) still shares its clause.
    const parks = products(rows('000', 64, '赣州高新区'));
    expect(Object.values(parks).every((p) => p.includes('稀土精深加工产品'))).toBe(true);
    expect(Object.keys(parks)).toHaveLength(4);
  });
  it('001 line 274: nested 的-phrases stay with their own place (高安的…，樟树的…)', () => {
    const got = products(rows('001', 274));
    expect(got.宜春).toEqual([]);
    expect(got.樟树).toEqual(['起重机', '矿山机械']);
  });
});

describe('products: what they are', () => {
  it('003 line 50: a ；-part is its own sentence: its products stay out of the previous part’s rows (quote contract)', () => {
    const got = products(rows('003', 50, '医疗器械方面'));
    expect(got.南昌).toEqual(['医疗器械', '输注器具', '卫生材料', '血细胞分析仪及体外诊断试剂']);
    for (const a of rows('003', 50)) expect(a.products).not.toContain('医学影像');
  });
  it('a place’s own noun phrase: 000 line 16 景德镇特色原料药和制剂生产基地, 抚州大输液特色生产基地', () => {
    const got = products(rows('000', 16, '化学药'));
    // 化学药 opens the sentence: the sub-line of every place in it.
    expect(got.景德镇).toEqual(['化学药', '原料药', '制剂']);
    expect(got.抚州).toEqual(['化学药', '大输液']);
    expect(got.南昌).toEqual(['化学药', '化学制剂']);
  });
  it('000 line 36: a belt’s products after its area description (等油料主产区域食用植物油加工产业带)', () => {
    expect(products(rows('000', 36, '赣中、赣东北')).赣中).toEqual(['食用植物油加工']);
    expect(products(rows('000', 36, '南昌等地')).南昌).toEqual(['饮料']);
  });
  it('no leading verbs, trailing 等/产业 or the industry’s own name', () => {
    expect(products(rows('000', 44, '九江重点发展'))).toEqual({ 九江: ['石油化工', '有机硅'] });
    expect(extractProducts('重点发展锂电产业', { industryForms: ['锂电'] })).toEqual([]);
    expect(extractProducts('，打造世界级光伏产业基地', { industryForms: ['光伏'] })).toEqual([]);
    expect(extractProducts('，打造千万吨级的沿江新型钢铁产业基地', { industryForms: ['钢铁'] })).toEqual([]);
  });
  it('no places, platforms, actions or processes', () => {
    expect(extractProducts('，突破烧制成型、配方开发等关键环节')).toEqual([]);
    expect(extractProducts('，形成品牌效应，建设较为完整的产业体系')).toEqual([]);
    expect(extractProducts('，打造南昌光谷', { placeForms: ['南昌'] })).toEqual([]);
    expect(ownNounProducts('重点发展硅料', false)).toEqual([]);
  });
  it('frames without a verb: 以X为主的, 以X为突破口, 在X等方面取得突破', () => {
    expect(extractProducts('，建成以硅片、太阳能电池及组件生产为主的产业集群')).toEqual(['硅片', '太阳能电池及组件']);
    expect(extractProducts('以轻型公务机和无人机等为突破口，')).toEqual(['轻型公务机', '无人机']);
    expect(extractProducts('，重点在外延片、大功率芯片封装等方面取得新突破')).toEqual(['外延片', '大功率芯片封装']);
  });
});

describe('enterprises', () => {
  it('001 line 254: a company further away that acts for the place is its (江铃股份重点发展…)', () => {
    expect(rows('001', 254, '南昌以江铃集团')[0]?.enterprises).toEqual([
      '江铃集团',
      '江铃控股',
      '江铃股份',
      '江铃新动力汽车公司',
    ]);
  });
  it('001 line 199: a company in another action before the place is not its anchor', () => {
    for (const a of rows('001', 199)) expect(a.enterprises).toEqual([]);
  });
  it('001 lines 162 and 131: companies of the next sentences of a bullet are not the place’s (quote contract)', () => {
    expect(rows('001', 162, '南昌：')[0]?.enterprises).toEqual(['江铃汽车集团']);
    const park = rows('001', 131, '二园区')[0];
    expect(park?.enterprises).toEqual([]);
    expect(park?.products).toEqual(['直升机', '无人直升机', '航空铸锻件']);
  });
  it('001 line 209: 依托萍钢的安钢、萍特钢铁及金桥焊材 → the operators, not the parent 萍钢', () => {
    expect(rows('001', 209, '依托萍钢')[0]?.enterprises).toEqual(['安钢', '萍特钢铁', '金桥焊材']);
  });
  it('a 企业 list names its companies without a known-name list (以…等龙头企业为依托)', () => {
    expect(findEnterprises('某市以华光新材、远航科技等龙头企业为依托，').map((s) => s.text)).toEqual([
      '华光新材',
      '远航科技',
    ]);
  });
  it('an anchor with a company ending (以昌河汽车为核心) is a company; 以南昌为核心 is not', () => {
    expect(findEnterprises('以昌河汽车为核心，整车生产布局在…').map((s) => s.text)).toEqual(['昌河汽车']);
    expect(findEnterprises('以新能源汽车整车产品为引领').map((s) => s.text)).toEqual([]);
  });
  it('001 line 249: 以江铃集团公司为龙头，整车生产布局在A和B → both parks', () => {
    for (const a of rows('001', 249, '以江铃集团公司')) expect(a.enterprises).toEqual(['江铃集团公司']);
    expect(rows('001', 249, '以江铃集团公司')).toHaveLength(2);
  });
  it('001 line 233: a base 以E为核心 gets its companies', () => {
    expect(rows('001', 233, '赣东北水泥生产基地')[0]?.enterprises).toEqual([
      '江西万年青水泥股份有限公司',
      '弋阳海螺水泥有限公司',
    ]);
  });
  it('001 line 312: 江西临川贡酒 in a 梯队 list is a company (and 临川 no place); 001 line 255: 昌河福瑞达 is a product', () => {
    const wine = rows('001', 312);
    expect(findEnterprises(wine[0]?.quote ?? '').map((s) => s.text)).toContain('江西临川贡酒');
    expect(wine.some((a) => a.placeText.includes('临川'))).toBe(false);
    // The tiers (即以四特酒有限责任公司为第一梯队…) are the province's, two clauses away from 浙赣铁路和京九铁路两侧为重点.
    for (const a of wine) expect(a.enterprises).toEqual([]);
    expect(rows('001', 255)[0]?.enterprises).toEqual(['昌河汽车公司']);
  });
});
