import type { AreaCodeRow } from '../areacodes.ts';

export { AREACODES_PATH, type AreaCodeRow, loadAreaCodes, parseAreaCodes } from '../areacodes.ts';

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
