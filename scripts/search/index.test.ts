import { describe, expect, it } from 'vitest';
import { searchKey, termKey } from '../../src/domain/terms.ts';
import type { Assignment, Industry, PlaceFeature } from '../../src/domain/types.ts';
import { validatePublished } from '../../src/domain/validate.ts';
import { buildSearchIndex } from './index.ts';

const place = (id: string, zh: string, en: string, pinyin: string, aliases: string[] = []): PlaceFeature => ({
  type: 'Feature',
  id,
  geometry: null,
  properties: { zh, en, level: 'city', adminCode: id, city: id, county: null, aliases: [zh, ...aliases], pinyin },
});

const places = [
  place('360100', '南昌市', 'Nanchang', 'nan chang shi', ['南昌']),
  place('360700', '赣州市', 'Ganzhou', 'gan zhou shi', ['赣州']),
  place('360500', '新余市', 'Xinyu', 'xin yu shi', ['新余']),
];

const industries: Industry[] = [
  { id: 'auto', zh: '汽车', en: 'Automobiles', parent: null, aliases: ['汽车产业'], pinyin: 'qi che' },
  {
    id: 'auto-nev',
    zh: '新能源汽车',
    en: 'New-energy vehicles',
    parent: 'auto',
    aliases: [],
    pinyin: 'xin neng yuan qi che',
  },
  { id: 'rare-earth', zh: '稀土', en: 'Rare earths', parent: null, aliases: ['稀土产业'], pinyin: 'xi tu' },
  { id: 'photovoltaics', zh: '光伏', en: 'Photovoltaics', parent: null, aliases: [], pinyin: 'guang fu' },
];

let n = 0;
function assignment(
  place: string,
  industry: string,
  products: string[],
  enterprises: string[],
  extra = {},
): Assignment {
  n++;
  return {
    id: `plan:${n}:${place}:${industry}`,
    plan: 'plan',
    place,
    industry,
    industryZh: industry,
    placeText: place,
    role: 'focus',
    products,
    enterprises,
    quote: `句子${n}`,
    source: { file: 'x.txt', line: n, start: 0, end: 3 },
    // The English stage keeps the Chinese where its glossary has no entry: that is "no English".
    quoteEn: null,
    industryTextEn: industry,
    productsEn: [...products],
    enterprisesEn: [...enterprises],
    ...extra,
  };
}

const JMG = 'Jiangling Motors Group';
const assignments = [
  // Real forms from the 2012 plan (lines 162, 249, 254) with the glossary's English: one group, written three ways.
  assignment('360100', 'auto-nev', ['纯电动汽车'], ['江铃汽车集团'], { enterprisesEn: [JMG] }),
  assignment('360100', 'auto', ['轿车', '运动型乘用车'], ['江铃集团', '江铃控股', '江铃股份'], {
    enterprisesEn: [JMG, 'Jiangling Holdings', 'Jiangling Motors Corporation, Ltd. (JMC)'],
  }),
  assignment('360100', 'auto', ['轿车'], ['江铃集团公司'], { enterprisesEn: [JMG] }),
  assignment('360700', 'rare-earth', ['稀土磁性材料', '锂电池'], ['昌河汽车公司']),
  assignment('360500', 'photovoltaics', ['硅料', '小排量高效 节能发动机'], ['赛维LDK', '昌河汽车'], {
    productsEn: ['polysilicon', '小排量高效 节能发动机'],
    enterprisesEn: ['LDK Solar', '昌河汽车'],
  }),
];

const index = buildSearchIndex({ places, industries, assignments });
const find = (kind: string, id: string) => index.entries.find((e) => e.kind === kind && e.id === id);

describe('search index (search.json)', () => {
  it('passes its published schema', () => {
    expect(validatePublished('search', index)).toEqual([]);
  });

  it('has one entry per place, industry, product term and enterprise term', () => {
    const kinds = index.entries.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'place')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'industry')).toHaveLength(4);
    expect(index.entries.filter((e) => e.kind === 'enterprise').map((e) => e.zh)).toEqual(
      expect.arrayContaining(['江铃集团', '江铃控股', '江铃股份', '赛维LDK', '昌河汽车']),
    );
  });

  it('keys: Chinese, aliases, toneless pinyin without spaces, initials, lower-case English', () => {
    const nanchang = find('place', '360100');
    expect(nanchang?.keys).toEqual(expect.arrayContaining(['南昌市', '南昌', 'nanchangshi', 'nanchang']));
    expect(nanchang?.initials).toBe('ncs');
    const rare = find('industry', 'rare-earth');
    expect(rare?.keys).toEqual(expect.arrayContaining(['稀土', '稀土产业', 'xitu', 'rareearths']));
    expect(rare?.keys.some((k) => k.startsWith(searchKey('rare earth')))).toBe(true);
    expect(find('product', '锂电池')?.keys).toContain('lidianchi');
    // Every key is already in the form queries are compared in.
    for (const e of index.entries) for (const k of e.keys) expect(k).toBe(searchKey(k));
  });

  it('groups the ways a company is written under its short form, and keeps different companies apart', () => {
    expect(termKey('enterprise', '江铃集团公司')).toBe('江铃');
    expect(termKey('enterprise', '江西万年青水泥股份有限公司')).toBe('江西万年青水泥');
    expect(termKey('enterprise', '江铃股份')).toBe('江铃股份');
    // 江铃集团 = 江铃集团公司 by their legal form, = 江铃汽车集团 by the glossary's one English name for them.
    const jl = find('enterprise', '江铃');
    expect(jl?.zh).toBe('江铃集团');
    expect(jl?.en).toBe(JMG);
    expect(jl?.variants.sort()).toEqual(['江铃集团公司', '江铃汽车集团'].sort());
    expect(jl?.keys).toEqual(
      expect.arrayContaining(['江铃', '江铃集团', '江铃汽车集团', 'jianglingjituan', 'jianglingmotorsgroup']),
    );
    expect(jl?.assignments).toHaveLength(3);
    expect(find('enterprise', '江铃汽车')).toBeUndefined();
    // 江铃股份 and 江铃控股 are other companies (other English names); the short form finds them too.
    expect(find('enterprise', '江铃股份')?.assignments).toHaveLength(1);
    const all = index.entries.filter((e) => e.kind === 'enterprise' && e.keys.some((k) => k.startsWith('江铃')));
    expect(all.map((e) => e.id).sort()).toEqual(['江铃', '江铃控股', '江铃股份'].sort());
    expect(jl?.places).toEqual(['360100']);
    // Without English, the legal form alone groups: 昌河汽车公司 = 昌河汽车.
    expect(find('enterprise', '昌河汽车')?.places.sort()).toEqual(['360500', '360700']);
    expect(find('enterprise', '昌河汽车')?.en).toBeNull();
  });

  it('products: spaces the text breaks a term with do not split it', () => {
    const engine = find('product', '小排量高效节能发动机');
    expect(engine?.zh).toBe('小排量高效 节能发动机');
    expect(engine?.keys).toContain('小排量高效节能发动机');
  });

  it('English of products and companies comes from productsEn / enterprisesEn where the data has it', () => {
    expect(find('product', '硅料')?.en).toBe('polysilicon');
    const ldk = find('enterprise', '赛维LDK');
    expect(ldk?.en).toBe('LDK Solar');
    expect(ldk?.keys).toEqual(expect.arrayContaining(['赛维ldk', 'ldksolar']));
    // A term whose "English" is still Chinese, or data without the fields: no English, never the Chinese twice.
    expect(find('product', '小排量高效节能发动机')?.en).toBeNull();
    expect(find('product', '锂电池')?.en).toBeNull();
    const { productsEn: _p, enterprisesEn: _e, ...old } = assignments[4] as Assignment;
    const before = buildSearchIndex({ places, industries, assignments: [old as Assignment] });
    expect(before.entries.find((e) => e.id === '硅料')?.en).toBeNull();
  });

  it('targets: a term leads to its assignments and places; an industry to the places of it and its sub-industries', () => {
    expect(find('product', '轿车')?.assignments).toEqual([assignments[1]?.id, assignments[2]?.id]);
    expect(find('industry', 'auto')?.places).toEqual(['360100']);
    expect(find('industry', 'rare-earth')?.places).toEqual(['360700']);
    expect(find('place', '360700')?.places).toEqual(['360700']);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildSearchIndex({ places, industries, assignments }))).toBe(JSON.stringify(index));
  });
});
