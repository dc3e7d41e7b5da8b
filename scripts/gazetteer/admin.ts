import type { AreaCodeRow } from '../areacodes.ts';
import { BuildError } from '../errors.ts';

export { parseAreaCodes } from '../areacodes.ts';

/** The span of years the plans cover (from data/plans.json: scripts/gazetteer/index.ts planWindow). */
export interface YearWindow {
  first: number;
  last: number;
}

/** Valid at some time in the window: started by its end, not ended before it began. */
export function inWindow(row: { from: number; to: number | null }, window: YearWindow): boolean {
  return row.from <= window.last && (row.to === null || row.to >= window.first);
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

/** The units valid at some time in `window` (the years the plans span). */
export function adminUnits(rows: AreaCodeRow[], file: string, window: YearWindow): AdminUnits {
  const windowRows = rows.filter((r) => inWindow(r, window));
  // 省级/地级/县级 are the values of the CSV's 级别 column (AreaCodeRow['level']), not vocabulary.
  const provinceRow = windowRows.find((r) => r.level === '省级');
  if (!provinceRow) throw new BuildError(file, 0, 'no province row');
  const cityRows = windowRows.filter((r) => r.level === '地级');
  const cityByName = new Map(cityRows.map((r) => [r.name, r.code]));
  const cities = cityRows.map((r) => ({ code: r.code, name: r.name, from: r.from, to: r.to, city: r.code }));
  const byCode = new Map<string, NamedSpan[]>();
  for (const r of windowRows.filter((x) => x.level === '县级')) {
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
