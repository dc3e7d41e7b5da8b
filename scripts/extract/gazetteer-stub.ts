/**
 * A stand-in gazetteer for tests, built from data/areacodes-jiangxi.csv plus a few parks and macro-regions, so the
 * extraction can be tested without the real one (scripts/gazetteer). It follows the same interface and rules:
 * a bare city name means the city; a name resolves to the unit valid on the date.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PlaceLevel } from '../../src/domain/types.ts';
import type { Gazetteer, GazetteerPlace } from '../gazetteer/types.ts';

interface Row {
  code: string;
  name: string;
  level: string;
  from: number;
  to: number | null;
}

function place(id: string, zh: string, level: PlaceLevel, city: string | null, aliases: string[], extra = {}) {
  return {
    id,
    zh,
    en: id,
    level,
    adminCode: level === 'city' || level === 'county' ? id : null,
    city,
    county: level === 'county' ? id : null,
    aliases: [zh, ...aliases],
    pinyin: '',
    ...extra,
  } as GazetteerPlace;
}

const PARKS: [string, string, string, string[]][] = [
  ['park-nanchang-hitech', '南昌高新技术产业开发区', '360100', ['南昌高新区', '南昌高新技术开发区']],
  ['park-xiaolan', '小蓝经济技术开发区', '360100', ['南昌小蓝经济开发区', '小蓝经济开发区', '南昌小蓝经济技术开发区']],
  ['park-nanchang-etdz', '南昌经济技术开发区', '360100', ['南昌经济开发区']],
  ['park-ganzhou-etdz', '赣州经济技术开发区', '360700', ['赣州经开区', '赣州开发区', '赣州经济开发区']],
  ['park-ganzhou-hitech', '赣州高新技术产业开发区', '360700', ['赣州高新区']],
  ['park-jinchao', '抚州金巢经济开发区', '361000', ['金巢经济开发区']],
  ['park-yingtan', '鹰潭工业园区', '360600', []],
  ['park-guixi', '贵溪工业园区', '360600', []],
  ['park-yujiang', '余江工业园区', '360600', []],
  ['park-dayu', '大余工业园', '360700', []],
  ['park-nankang', '南康工业园', '360700', ['南康工业园区']],
  ['park-shangyou', '上犹工业园', '360700', ['上犹工业园区']],
  ['park-chongyi', '崇义县工业小区', '360700', []],
  ['park-longnan', '龙南经济技术开发区', '360700', ['龙南经开区']],
  ['park-shahe', '沙河工业园区', '360700', ['沙河工业园']],
  ['park-dingnan', '定南工业园区', '360700', ['定南工业园']],
  ['park-ganxian', '赣县经济开发区', '360700', []],
];
const MACROS: [string, string, string[]][] = [
  ['macro-gannan', '赣南', ['赣南地区']],
  ['macro-poyang', '环鄱阳湖', ['环鄱阳湖区域', '环鄱阳湖区']],
  ['macro-jitai', '吉泰盆地', []],
];

export function stubGazetteer(): Gazetteer {
  const csv = readFileSync(fileURLToPath(new URL('../../data/areacodes-jiangxi.csv', import.meta.url)), 'utf8');
  const rows: Row[] = [];
  for (const line of csv.split('\n').slice(1)) {
    const [code, , , name, level, , from, to] = line.split(',');
    if (!code || !name || !code.startsWith('36') || code === '360000') continue;
    if (/^36[2-9]/.test(code)) continue; // pre-1983 prefecture codes
    rows.push({ code, name, level: level ?? '', from: Number(from), to: to ? Number(to) : null });
  }
  const places: GazetteerPlace[] = [];
  for (const r of rows) {
    const isCity = r.level === '地级';
    const short = r.name.replace(/(市|县|区)$/, '');
    const aliases = short.length >= 2 && short !== r.name ? [short] : [];
    places.push(
      place(r.code, r.name, isCity ? 'city' : 'county', `${r.code.slice(0, 4)}00`, aliases, {
        validFrom: r.from,
        validTo: r.to,
      }),
    );
  }
  for (const [id, zh, city, aliases] of PARKS) places.push(place(id, zh, 'park', city, aliases));
  for (const [id, zh, aliases] of MACROS) places.push(place(id, zh, 'macro', null, aliases));
  const rank: Record<string, number> = { city: 0, newarea: 1, macro: 2, county: 3, park: 4, province: 5 };
  const forms = [...new Set(places.flatMap((p) => p.aliases))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return {
    places,
    forms,
    byId: (id) => places.find((p) => p.id === id),
    resolve(form, date, context) {
      const year = Number(date.slice(0, 4));
      const hits = places
        .filter((p) => p.aliases.includes(form))
        .filter((p) => (p.validFrom ?? 0) <= year && (p.validTo == null || year < p.validTo))
        .filter((p) => p.level !== 'park' || !context?.city || p.city === context.city);
      hits.sort((a, b) => (rank[a.level] ?? 9) - (rank[b.level] ?? 9));
      return hits[0];
    },
  };
}
