import { BuildError } from '../errors.ts';

/** The years the five plans span; units valid at any time in them are loaded. */
export const WINDOW_FIRST = 2012;
export const WINDOW_LAST = 2018;

export interface AreaRow {
  line: number;
  code: string;
  prefecture: string;
  name: string;
  grade: '省级' | '地级' | '县级';
  /** First year in use (as of 31 December). */
  from: number;
  /** Year it changed or was retired (exclusive); null while in use. */
  to: number | null;
  successors: string;
}

const HEADER = ['代码', '一级行政区', '二级行政区', '名称', '级别', '状态', '启用时间', '变更/弃用时间', '新代码'];

/** Parses the yescallop/areacodes CSV. Its fields never contain commas or quotes, which is checked, not assumed. */
export function parseAreaCodes(text: string, file: string): AreaRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0]?.split(',') ?? [];
  if (header.join(',') !== HEADER.join(',')) {
    throw new BuildError(file, 1, `unexpected header (want ${HEADER.join(',')})`);
  }
  const rows: AreaRow[] = [];
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.trim() === '') return;
    if (raw.includes('"')) throw new BuildError(file, line, 'quoted fields are not supported');
    const f = raw.split(',');
    if (f.length !== HEADER.length) throw new BuildError(file, line, `want ${HEADER.length} fields, got ${f.length}`);
    const [code, , prefecture, name, grade, , from, to, successors] = f as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (!/^\d{6}$/.test(code)) throw new BuildError(file, line, `bad code ${code}`);
    if (grade !== '省级' && grade !== '地级' && grade !== '县级')
      throw new BuildError(file, line, `bad grade ${grade}`);
    if (!/^\d{4}$/.test(from) || (to !== '' && !/^\d{4}$/.test(to))) {
      throw new BuildError(file, line, 'bad year');
    }
    rows.push({
      line,
      code,
      prefecture,
      name,
      grade,
      from: Number(from),
      to: to === '' ? null : Number(to),
      successors,
    });
  });
  return rows;
}

/** Valid at some time in [WINDOW_FIRST, WINDOW_LAST]: started by the end of the window, not ended before it began. */
export function inWindow(row: { from: number; to: number | null }): boolean {
  return row.from <= WINDOW_LAST && (row.to === null || row.to >= WINDOW_FIRST);
}

/** A name a code carried for a span of years (one CSV row). */
export interface NamedSpan {
  code: string;
  name: string;
  from: number;
  to: number | null;
  /** Prefecture-level city code at the time. */
  city: string | null;
}

export interface AdminUnits {
  province: NamedSpan;
  cities: NamedSpan[];
  /** One entry per county-level code; `names` holds each name it had in the window, oldest first. */
  counties: { code: string; city: string; names: NamedSpan[] }[];
}

export function adminUnits(rows: AreaRow[], file: string): AdminUnits {
  const windowRows = rows.filter(inWindow);
  const provinceRow = windowRows.find((r) => r.grade === '省级');
  if (!provinceRow) throw new BuildError(file, 0, 'no province row');
  const cityRows = windowRows.filter((r) => r.grade === '地级');
  const cityByName = new Map(cityRows.map((r) => [r.name, r.code]));
  const cities = cityRows.map((r) => ({ code: r.code, name: r.name, from: r.from, to: r.to, city: r.code }));
  const byCode = new Map<string, NamedSpan[]>();
  for (const r of windowRows.filter((x) => x.grade === '县级')) {
    const city = cityByName.get(r.prefecture);
    if (!city)
      throw new BuildError(file, r.line, `county ${r.name} names prefecture ${r.prefecture}, not in the window`);
    const spans = byCode.get(r.code) ?? [];
    spans.push({ code: r.code, name: r.name, from: r.from, to: r.to, city });
    byCode.set(r.code, spans);
  }
  const counties = [...byCode.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, names]) => {
      names.sort((a, b) => a.from - b.from);
      const cityCodes = new Set(names.map((n) => n.city));
      if (cityCodes.size !== 1) throw new BuildError(file, 0, `county ${code} changed prefecture inside the window`);
      return { code, city: names[0]?.city as string, names };
    });
  return {
    province: {
      code: provinceRow.code,
      name: provinceRow.name,
      from: provinceRow.from,
      to: provinceRow.to,
      city: null,
    },
    cities,
    counties,
  };
}
