/**
 * The body of the matrix: a <tbody> per city group (headed by the city when the rows are grouped), a row per place
 * with its count, and a cell per industry naming the role (abbreviated; the full word for screen readers) and, in
 * all-plans mode, the plans. Many rows × columns: these components use no hooks, what they share comes in `ctx`.
 */
import type { TFunction } from 'i18next';
import type { KeyboardEvent } from 'react';
import type { MatrixRowGroup, MatrixRow as Row } from '../../analysis/matrix.ts';
import type { ExplorerData } from '../../data/load.ts';
import type { Lang } from '../../state/store.ts';
import { placeName } from '../names.ts';
import type { GridPos } from './useGridFocus.ts';

export interface RowsContext {
  t: TFunction;
  data: ExplorerData;
  lang: Lang;
  columns: string[];
  /** Rows grouped under their city (sorted by place). */
  grouped: boolean;
  /** All plans: each cell names its plans. */
  showPlans: boolean;
  labels: Map<string, string>;
  shortLabels: Map<string, string>;
  /** The cell whose sentences are open. */
  open: { place: string; industry: string } | null;
  tabIndex: (r: number, c: number) => number;
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
  onPick: (at: GridPos) => void;
}

/** The index of each group's first row among all rows. */
export function groupStarts(groups: readonly { rows: readonly unknown[] }[]): number[] {
  return groups.map((_, i) => groups.slice(0, i).reduce((n, g) => n + g.rows.length, 0));
}

export function MatrixGroup({ group, first, ctx }: { group: MatrixRowGroup; first: number; ctx: RowsContext }) {
  const { t, data, lang } = ctx;
  return (
    <tbody data-city={group.city ?? ''}>
      {ctx.grouped && (
        <tr className="group">
          <th scope="rowgroup" colSpan={ctx.columns.length + 2}>
            <span className="group-name">
              {group.city ? placeName(data, group.city, lang) : t('matrix.otherPlaces')}
            </span>
          </th>
        </tr>
      )}
      {group.rows.map((row, i) => (
        <MatrixRow key={row.place} row={row} ri={first + i} ctx={ctx} />
      ))}
    </tbody>
  );
}

function MatrixRow({ row, ri, ctx }: { row: Row; ri: number; ctx: RowsContext }) {
  const { data, lang } = ctx;
  const city = data.placeById.get(row.place)?.properties.city;
  return (
    <tr data-place={row.place}>
      <th scope="row" className={`place-head level-${row.level ?? 'other'}`}>
        {placeName(data, row.place, lang)}
        {!ctx.grouped && city && city !== row.place && <span className="secondary">{placeName(data, city, lang)}</span>}
      </th>
      <td className="n">{Object.keys(row.cells).length}</td>
      {ctx.columns.map((industry, ci) => (
        <MatrixCell key={industry} row={row} industry={industry} at={{ r: ri, c: ci }} ctx={ctx} />
      ))}
    </tr>
  );
}

function MatrixCell({ row, industry, at, ctx }: { row: Row; industry: string; at: GridPos; ctx: RowsContext }) {
  const { t } = ctx;
  const mc = row.cells[industry];
  const tabIndex = ctx.tabIndex(at.r, at.c);
  if (!mc)
    return (
      <td data-r={at.r} data-c={at.c} tabIndex={tabIndex} className="empty-cell" onKeyDown={ctx.onKeyDown}>
        <span className="visually-hidden">{t('matrix.emptyCell')}</span>
      </td>
    );
  const isOpen = ctx.open?.place === row.place && ctx.open.industry === industry;
  const plans = mc.plans.map((id) => ctx.labels.get(id) ?? id);
  const short = mc.plans.map((id) => ctx.shortLabels.get(id) ?? id);
  return (
    <td
      data-r={at.r}
      data-c={at.c}
      tabIndex={tabIndex}
      className={`cell role-${mc.role}${isOpen ? ' open' : ''}`}
      data-testid="matrix-cell"
      data-place={row.place}
      data-industry={industry}
      data-role={mc.role}
      data-open={isOpen || undefined}
      onKeyDown={ctx.onKeyDown}
      onClick={() => ctx.onPick(at)}
    >
      <span className="abbr" aria-hidden="true">
        {t(`matrix.abbr.${mc.role}`)}
      </span>
      <span className="visually-hidden">{t(`role.${mc.role}`)}</span>
      {ctx.showPlans && (
        <span className="plans">
          <span aria-hidden="true">{short.join('·')}</span>
          <span className="visually-hidden">{t('matrix.inPlans', { plans: plans.join(', ') })}</span>
        </span>
      )}
    </td>
  );
}
