/**
 * The one reader of data/areacodes-jiangxi.csv (yescallop/areacodes, CC0; columns in data/areacodes-jiangxi.PROVENANCE.md),
 * shared by the gazetteer (names by date) and the boundaries (codes by vintage). Errors name file and line.
 */
import { readFileSync } from 'node:fs';
import { readPlainCsv } from './csv.ts';
import { BuildError } from './errors.ts';

export interface AreaCodeRow {
  /** 1-based line in the CSV, for messages. */
  line: number;
  code: string;
  /** 二级行政区: the prefecture the unit belonged to at the time. */
  prefecture: string;
  name: string;
  level: '省级' | '地级' | '县级';
  status: string;
  /** First year in the code list (as of 31 December). */
  from: number;
  /** First year no longer in the list under this row (exclusive); null while in use. */
  to: number | null;
  /** Codes that took over the area; `year` is set when the CSV marks the change with [YYYY]. */
  successors: { code: string; year: number | null }[];
}

export const AREACODES_PATH = 'data/areacodes-jiangxi.csv';
const HEADER = ['代码', '一级行政区', '二级行政区', '名称', '级别', '状态', '启用时间', '变更/弃用时间', '新代码'];

/** Its fields never contain commas or quotes; that is checked, not assumed. */
export function parseAreaCodes(text: string, file = AREACODES_PATH): AreaCodeRow[] {
  const rows: AreaCodeRow[] = [];
  for (const { line, values } of readPlainCsv(text, file, HEADER)) {
    const [code, , prefecture, name, level, status, from, to, next] = values as [
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
    if (!/^\d{6}$/.test(code)) throw new BuildError(file, line, `bad code "${code}"`);
    if (level !== '省级' && level !== '地级' && level !== '县级') {
      throw new BuildError(file, line, `unknown level "${level}"`);
    }
    if (!/^\d{4}$/.test(from) || (to !== '' && !/^\d{4}$/.test(to))) throw new BuildError(file, line, 'bad year');
    const successors = next
      .split(';')
      .filter((s) => s !== '')
      .map((s) => {
        const m = /^(\d{6})(?:\[(\d{4})\])?$/.exec(s);
        if (!m) throw new BuildError(file, line, `bad successor "${s}"`);
        return { code: m[1] as string, year: m[2] ? Number(m[2]) : null };
      });
    rows.push({
      line,
      code,
      prefecture,
      name,
      level,
      status,
      from: Number(from),
      to: to === '' ? null : Number(to),
      successors,
    });
  }
  return rows;
}

export function loadAreaCodes(path = AREACODES_PATH): AreaCodeRow[] {
  return parseAreaCodes(readFileSync(path, 'utf8'), path);
}
