/**
 * Writes the small fixture used by unit/component tests (and, copied by hand, by the dev server before the real
 * data build exists). Quotes and offsets are computed from the real seed lines, so they stay verbatim.
 * Run: npx tsx src/test-fixtures/generate.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Assignment, Industry, PlaceFeature, Plan, Role } from '../domain/types.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const seed = (file: string) => readFileSync(join(root, 'seeds', file), 'utf8').split('\n');

const allPlans = JSON.parse(readFileSync(join(root, 'data', 'plans.json'), 'utf8')).plans as Plan[];
const plans = allPlans.filter((p) => p.id === '2012-it-12th-fyp' || p.id === '2014-key-industries');

const box = (lon: number, lat: number, w: number, h: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon - w, lat - h],
      [lon + w, lat - h],
      [lon + w, lat + h],
      [lon - w, lat + h],
      [lon - w, lat - h],
    ],
  ],
});

type Row = [id: string, zh: string, en: string, pinyin: string, lon: number, lat: number];
const cities: Row[] = [
  ['360100', '南昌市', 'Nanchang', 'nan chang shi', 115.9, 28.7],
  ['360200', '景德镇市', 'Jingdezhen', 'jing de zhen shi', 117.2, 29.3],
  ['360400', '九江市', 'Jiujiang', 'jiu jiang shi', 115.9, 29.55],
  ['360500', '新余市', 'Xinyu', 'xin yu shi', 114.95, 27.8],
  ['360600', '鹰潭市', 'Yingtan', 'ying tan shi', 117.0, 28.2],
  ['360700', '赣州市', 'Ganzhou', 'gan zhou shi', 114.9, 25.9],
  ['360800', '吉安市', "Ji'an", 'ji an shi', 114.95, 27.05],
  ['360900', '宜春市', 'Yichun', 'yi chun shi', 114.4, 28.0],
  ['361000', '抚州市', 'Fuzhou', 'fu zhou shi', 116.35, 27.95],
  ['361100', '上饶市', 'Shangrao', 'shang rao shi', 117.9, 28.45],
];

const features: PlaceFeature[] = [];
for (const [id, zh, en, pinyin, lon, lat] of cities) {
  features.push({
    type: 'Feature',
    id,
    properties: {
      zh,
      en,
      level: 'city',
      adminCode: id,
      city: id,
      county: null,
      aliases: [zh, zh.slice(0, -1)],
      pinyin,
    },
    geometry: box(lon, lat, 0.28, 0.22),
  });
}
// Two counties of 新余 splitting its box, so county polygons sit on top of their city.
features.push({
  type: 'Feature',
  id: '360502',
  properties: {
    zh: '渝水区',
    en: 'Yushui District',
    level: 'county',
    adminCode: '360502',
    city: '360500',
    county: '360502',
    aliases: ['渝水区', '渝水'],
    pinyin: 'yu shui qu',
  },
  geometry: box(115.09, 27.8, 0.14, 0.22),
});
features.push({
  type: 'Feature',
  id: '360521',
  properties: {
    zh: '分宜县',
    en: 'Fenyi County',
    level: 'county',
    adminCode: '360521',
    city: '360500',
    county: '360521',
    aliases: ['分宜县', '分宜'],
    pinyin: 'fen yi xian',
  },
  geometry: box(114.81, 27.8, 0.14, 0.22),
});
features.push({
  type: 'Feature',
  id: 'park-nanchang-hitech',
  properties: {
    zh: '南昌高新技术产业开发区',
    en: 'Nanchang High-tech Industrial Development Zone',
    level: 'park',
    adminCode: null,
    city: '360100',
    county: '360111',
    aliases: ['南昌高新技术产业开发区', '南昌高新区'],
    pinyin: 'nan chang gao xin ji shu chan ye kai fa qu',
    approximate: true,
    positionPrecision: 'township',
    positionSource: 'Fixture: placed at its host township.',
  },
  geometry: { type: 'Point', coordinates: [116.0, 28.68] },
});
features.push({
  type: 'Feature',
  id: 'macro-gannan',
  properties: {
    zh: '赣南',
    en: 'Southern Jiangxi (Gannan)',
    level: 'macro',
    adminCode: null,
    city: null,
    county: null,
    aliases: ['赣南'],
    pinyin: 'gan nan',
    members: ['360700'],
  },
  geometry: null,
});

const industries: Industry[] = [
  { id: 'photovoltaics', zh: '光伏', en: 'Photovoltaics', parent: null, aliases: ['光伏产业'], pinyin: 'guang fu' },
  { id: 'pharma', zh: '医药', en: 'Pharmaceuticals', parent: null, aliases: ['医药产业'], pinyin: 'yi yao' },
  {
    id: 'pharma-tcm',
    zh: '中药',
    en: 'Traditional Chinese medicine',
    parent: 'pharma',
    aliases: ['中药产业'],
    pinyin: 'zhong yao',
  },
  { id: 'pharma-chemical', zh: '化学药', en: 'Chemical drugs', parent: 'pharma', aliases: [], pinyin: 'hua xue yao' },
  {
    id: 'pharma-devices',
    zh: '医疗器械',
    en: 'Medical devices',
    parent: 'pharma',
    aliases: [],
    pinyin: 'yi liao qi xie',
  },
  {
    id: 'nonferrous',
    zh: '有色金属',
    en: 'Non-ferrous metals',
    parent: null,
    aliases: ['有色'],
    pinyin: 'you se jin shu',
  },
];

/** The team's translations (data/translations/), keyed as the build keys them: file, line, exact sentence. */
const translations = new Map<string, string>();
for (const name of readdirSync(join(root, 'data', 'translations')).filter((n) => /^\d+\.json$/.test(n))) {
  const t = JSON.parse(readFileSync(join(root, 'data', 'translations', name), 'utf8')) as {
    file: string;
    sentences: { line: number; zh: string; en: string }[];
  };
  for (const s of t.sentences) translations.set(`${t.file}:${s.line}:${s.zh}`, s.en);
}
/** English of the few products and companies the fixture names, as in data/glossary/. */
const TERM_EN: Record<string, string> = {
  硅料: 'polysilicon',
  硅片: 'silicon wafers',
  电池及组件: 'cells and modules',
  赛维LDK: 'LDK Solar',
  瑞晶: 'Ruijing',
  升阳光电: 'Shengyang Optoelectronics',
};
const termEn = (terms: string[]) => terms.map((t) => TERM_EN[t] ?? t);

const assignments: Assignment[] = [];
/** One claim: the sentence is located by its first few characters inside the line; placeText must occur in it. */
function add(
  planId: string,
  file: string,
  line: number,
  sentenceStart: string,
  sentenceEnd: string,
  place: string,
  placeText: string,
  industry: string,
  industryZh: string,
  role: Role,
  products: string[] = [],
  enterprises: string[] = [],
) {
  const text = seed(file)[line - 1] ?? '';
  const start = text.indexOf(sentenceStart);
  const end = text.indexOf(sentenceEnd, start) + sentenceEnd.length;
  if (start < 0 || end <= start) throw new Error(`${file}:${line}: sentence not found`);
  const quote = text.slice(start, end);
  if (!quote.includes(placeText)) throw new Error(`${file}:${line}: ${placeText} not in quote`);
  assignments.push({
    id: `${planId}:${line}:${start}:${place}:${industry}`,
    plan: planId,
    place,
    industry,
    industryZh,
    placeText,
    role,
    products,
    enterprises,
    quote,
    source: { file, line, start, end },
    quoteEn: translations.get(`${file}:${line}:${quote}`) ?? null,
    industryTextEn: industries.find((i) => i.id === industry)?.en ?? industryZh,
    productsEn: termEn(products),
    enterprisesEn: termEn(enterprises),
  });
}

const f14 = '000_43d0119b57264c9e.txt';
const p14 = '2014-key-industries';
const pv = ['打造以新余', '产业布局。'] as const;
add(p14, f14, 32, ...pv, '360500', '新余', 'photovoltaics', '光伏', 'core');
add(p14, f14, 32, ...pv, '361100', '上饶', 'photovoltaics', '光伏', 'focus');
add(p14, f14, 32, ...pv, '360400', '九江', 'photovoltaics', '光伏', 'focus');
add(p14, f14, 32, '新余重点发展', '光伏产业基地。', '360500', '新余', 'photovoltaics', '光伏', 'core', [
  '硅料',
  '硅片',
  '电池及组件',
]);
const tcm = ['中药形成', '产业聚集区。'] as const;
add(p14, f14, 16, ...tcm, '360900', '宜春', 'pharma-tcm', '中药', 'core');
for (const [id, name] of [
  ['360100', '南昌'],
  ['360700', '赣州'],
  ['361000', '抚州'],
  ['360600', '鹰潭'],
  ['360800', '吉安'],
]) {
  add(p14, f14, 16, ...tcm, id as string, name as string, 'pharma-tcm', '中药', 'focus');
}
const dev = ['医疗器械以南昌', '产业聚集区。'] as const;
add(p14, f14, 16, ...dev, '360100', '南昌', 'pharma-devices', '医疗器械', 'core');
add(p14, f14, 16, ...dev, '360400', '九江', 'pharma-devices', '医疗器械', 'supporting');
add(p14, f14, 16, ...dev, '360900', '宜春', 'pharma-devices', '医疗器械', 'supporting');

const f12 = '001_fd5fd5690e91b623.txt';
const p12 = '2012-it-12th-fyp';
const pv12 = ['依托我省资源条件', '配套支撑。'] as const;
for (const [id, name] of [
  ['360500', '新余'],
  ['361100', '上饶'],
  ['360400', '九江'],
  ['360100', '南昌'],
  ['360200', '景德镇'],
]) {
  add(p12, f12, 67, ...pv12, id as string, name as string, 'photovoltaics', '光伏', 'focus');
}
add(
  p12,
  f12,
  68,
  '新余市以赛维LDK',
  '光伏产业基地。',
  '360500',
  '新余市',
  'photovoltaics',
  '光伏',
  'core',
  ['硅料', '硅片', '电池及组件'],
  ['赛维LDK', '瑞晶', '升阳光电'],
);

const out = (name: string, value: unknown) =>
  writeFileSync(join(here, name), `${JSON.stringify(value, null, 1)}\n`, 'utf8');
out('plans.json', { schemaVersion: 1, plans });
out('places.geojson', {
  type: 'FeatureCollection',
  schemaVersion: 1,
  attribution: 'Test fixture: rough boxes, not real boundaries.',
  features,
});
out('industries.json', { schemaVersion: 1, industries });
out('assignments.json', { schemaVersion: 1, assignments });
out('audit.json', { schemaVersion: 1, plans: [], warnings: [] });
console.log(`fixture: ${features.length} places, ${assignments.length} assignments`);
