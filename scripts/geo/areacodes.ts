import { readFileSync } from 'node:fs';
import { BuildError } from '../errors.ts';

/** One row of data/areacodes-jiangxi.csv (see data/areacodes-jiangxi.PROVENANCE.md for the columns). */
export interface AreaCodeRow {
  code: string;
  /** 二级行政区: the prefecture the unit belonged to at the time. */
  prefecture: string;
  name: string;
  level: '省级' | '地级' | '县级';
  status: string;
  /** First year in the code list (as of 31 December). */
  from: number;
  /** First year no longer in the list under this row; null while in use. */
  to: number | null;
  /** Codes that took over the area; `year` is set when the CSV marks the change with [YYYY]. */
  successors: { code: string; year: number | null }[];
}

export const AREACODES_PATH = 'data/areacodes-jiangxi.csv';

export function parseAreaCodes(text: string, file = AREACODES_PATH): AreaCodeRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: AreaCodeRow[] = [];
  lines.forEach((line, i) => {
    if (i === 0 || line.trim() === '') return;
    const cells = line.split(',');
    if (cells.length !== 9) throw new BuildError(file, i + 1, `expected 9 columns, found ${cells.length}`);
    const [code, , prefecture, name, level, status, from, to, next] = cells as [
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
    if (!/^\d{6}$/.test(code)) throw new BuildError(file, i + 1, `bad code "${code}"`);
    if (level !== '省级' && level !== '地级' && level !== '县级') {
      throw new BuildError(file, i + 1, `unknown level "${level}"`);
    }
    const successors = next
      .split(';')
      .filter((s) => s !== '')
      .map((s) => {
        const m = /^(\d{6})(?:\[(\d{4})\])?$/.exec(s);
        if (!m) throw new BuildError(file, i + 1, `bad successor "${s}"`);
        return { code: m[1] as string, year: m[2] ? Number(m[2]) : null };
      });
    rows.push({
      code,
      prefecture,
      name,
      level,
      status,
      from: Number(from),
      to: to === '' ? null : Number(to),
      successors,
    });
  });
  return rows;
}

export function loadAreaCodes(path = AREACODES_PATH): AreaCodeRow[] {
  return parseAreaCodes(readFileSync(path, 'utf8'), path);
}

/** True when the row was in force at some time during `year` (in the list of 31 Dec year-1 or of 31 Dec year). */
export function existedDuring(row: AreaCodeRow, year: number): boolean {
  return row.from <= year && (row.to === null || row.to >= year);
}

/**
 * The code that continued this unit when its row ended: the only successor the CSV lists for the change year
 * (unmarked), or, when several are listed (南康市 → 章贡区 + 南康区), the one created that year (南康区).
 * Undefined when the row is still in force or no single continuation exists.
 */
export function continuationOf(row: AreaCodeRow, rows: readonly AreaCodeRow[]): string | undefined {
  if (row.to === null) return undefined;
  const sameYear = row.successors.filter((s) => s.year === null || s.year === row.to).map((s) => s.code);
  if (sameYear.length === 1) return sameYear[0];
  if (sameYear.includes(row.code)) return row.code; // renamed, code kept (庐山区 → 濂溪区)
  const created = sameYear.filter((c) => rows.some((r) => r.code === c && r.level === '县级' && r.from === row.to));
  return created.length === 1 ? created[0] : undefined;
}

/**
 * Maps any county-level code Jiangxi used to the code of the unit drawn in a boundary set whose units are `known`:
 * the code itself, else the unit it became (following continuations forward: 南康市 360782 → 南康区 360703),
 * else the unit it came from (backward: 柴桑区 360404 ← 九江县 360421). Undefined when neither leads to a known unit
 * (红谷滩区, carved in 2019 out of two units).
 */
export function makeCodeMapper(
  rows: readonly AreaCodeRow[],
  known: ReadonlySet<string>,
): (code: string) => string | undefined {
  const county = rows.filter((r) => r.level === '县级');
  const forward = (code: string, seen: Set<string>): string | undefined => {
    if (known.has(code)) return code;
    if (seen.has(code)) return undefined;
    seen.add(code);
    for (const row of county.filter((r) => r.code === code)) {
      const next = continuationOf(row, rows);
      if (next !== undefined && next !== code) {
        const hit = forward(next, seen);
        if (hit) return hit;
      }
    }
    return undefined;
  };
  const backward = (code: string, seen: Set<string>): string | undefined => {
    if (known.has(code)) return code;
    if (seen.has(code)) return undefined;
    seen.add(code);
    const preds = county.filter((r) => r.code !== code && continuationOf(r, rows) === code);
    const hits = new Set(preds.map((p) => backward(p.code, seen)).filter((c): c is string => c !== undefined));
    return hits.size === 1 ? [...hits][0] : undefined;
  };
  return (code) => forward(code, new Set()) ?? backward(code, new Set());
}
