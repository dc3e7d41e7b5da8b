/**
 * The division-of-labour matrix: a real <table> of places (rows, grouped by city) × industries
 * (columns, grouped by parent) with row/column headers and scopes. Each cell names the role (abbreviated, full words for screen readers) and, in
 * all-plans mode, the plans. Arrow keys move a roving focus between cells; Enter or a click opens the sentences
 * behind a cell in the panel (the pieces: ./matrix/). Sorting and filters are part of the shared state (?sort=, ?city=, ?plan=, ?roles=).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cellAt, type MatrixRow, matrixColumns } from '../analysis/matrix.ts';
import { planLabels } from '../state/planner.ts';
import { useExplorer, useExplorerState, useUrgentState } from './context.tsx';
import { LevelChoice } from './LevelChoice.tsx';
import { MatrixHead, MatrixKey, MatrixTotals } from './matrix/MatrixHead.tsx';
import { groupStarts, MatrixGroup, type RowsContext } from './matrix/MatrixRows.tsx';
import { type GridPos, useGridFocus } from './matrix/useGridFocus.ts';
import { assignmentsByIds, industryName, placeName } from './names.ts';
import { AssignmentItem, PanelHeader, PlanSection, RoleBadge } from './PlacePanel.tsx';
import { AssignmentTerms } from './TermPanel.tsx';

export function MatrixControls() {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const city = useUrgentState((s) => s.city);
  const lang = useExplorerState((s) => s.lang);
  const cityChosen = useExplorerState((s) => s.cityChosen);
  const rowScope = useUrgentState((s) => s.rows);
  const rowScopeChosen = useExplorerState((s) => s.rowScopeChosen);
  const cities = data.places.filter((p) => p.properties.level === 'city').sort((a, b) => a.id.localeCompare(b.id));
  return (
    <fieldset className="matrix-controls" data-testid="matrix-controls">
      <legend>{t('matrix.controls')}</legend>
      <label className="field">
        <span>{t('matrix.city')}</span>
        <select value={city ?? ''} onChange={(e) => cityChosen(e.target.value || null)} data-testid="matrix-city">
          <option value="">{t('matrix.allCities')}</option>
          {cities.map((c) => (
            <option key={c.id} value={c.id}>
              {placeName(data, c.id, lang)}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={rowScope === 'cities'}
          onChange={(e) => rowScopeChosen(e.target.checked ? 'cities' : 'all')}
          data-testid="matrix-cities-only"
        />
        {t('matrix.citiesOnly')}
      </label>
      <LevelChoice view="matrix" />
    </fieldset>
  );
}

/** Where the open cell is in the grid (it stays the tab stop after a re-sort), or null. */
function openAt(
  cell: { place: string; industry: string } | null,
  rows: MatrixRow[],
  columns: string[],
): GridPos | null {
  if (!cell) return null;
  const r = rows.findIndex((row) => row.place === cell.place);
  const c = columns.indexOf(cell.industry);
  return r >= 0 && c >= 0 ? { r, c } : null;
}

export function MatrixView() {
  const { t } = useTranslation();
  const { data, derived } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const plan = useExplorerState((s) => s.plan);
  const sort = useExplorerState((s) => s.sort);
  const cell = useExplorerState((s) => s.cell);
  const cellOpened = useExplorerState((s) => s.cellOpened);
  const matrix = derived.matrix;
  const labels = useMemo(() => planLabels(data), [data]);
  const shortLabels = useMemo(() => planLabels(data, true), [data]);
  const columns = useMemo(() => (matrix ? matrixColumns(matrix) : []), [matrix]);
  const rows = useMemo(() => (matrix ? matrix.rowGroups.flatMap((g) => g.rows) : []), [matrix]);
  const starts = useMemo(() => groupStarts(matrix?.rowGroups ?? []), [matrix]);
  const follow = useMemo(() => openAt(cell, rows, columns), [cell, rows, columns]);
  const open = ({ r, c }: GridPos) => {
    const row = rows[r];
    const industry = columns[c];
    if (row && industry && row.cells[industry]) cellOpened({ place: row.place, industry });
  };
  const grid = useGridFocus<HTMLTableElement>(rows.length, columns.length, follow, open);

  if (!matrix) return null;
  if (rows.length === 0)
    return (
      <div className="matrix-wrap">
        <p className="nothing" data-testid="matrix-empty">
          {t('matrix.none')}
        </p>
      </div>
    );

  const ctx: RowsContext = {
    t,
    data,
    lang,
    columns,
    grouped: sort === 'place',
    showPlans: plan === 'all',
    labels,
    shortLabels,
    open: cell,
    tabIndex: grid.tabIndex,
    onKeyDown: grid.onKeyDown,
    onPick: (at) => {
      grid.select(at);
      open(at);
    },
  };
  return (
    <div className="matrix-wrap" data-testid="matrix">
      <MatrixKey />
      <div className="matrix-scroll">
        <table ref={grid.ref} className="matrix" aria-describedby="matrix-key" data-testid="matrix-table">
          <caption className="visually-hidden">{t('matrix.caption')}</caption>
          <colgroup>
            <col />
            <col />
          </colgroup>
          {matrix.columnGroups.map((g) => (
            <colgroup key={g.industry} span={g.columns.length} />
          ))}
          <MatrixHead matrix={matrix} columns={columns} />
          {matrix.rowGroups.map((g, i) => (
            <MatrixGroup key={g.city ?? 'none'} group={g} first={starts[i] ?? 0} ctx={ctx} />
          ))}
          <MatrixTotals matrix={matrix} columns={columns} />
        </table>
        <p className="muted small matrix-totals-help">{t('matrix.totalsHelp')}</p>
      </div>
    </div>
  );
}

/** The panel beside the matrix: the open cell's sentences (quotes with citations), else how to read the matrix. */
export function MatrixPanel() {
  const { t } = useTranslation();
  const { data, derived } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const cell = useExplorerState((s) => s.cell);
  const cellOpened = useExplorerState((s) => s.cellOpened);
  if (!cell)
    return (
      <article className="matrix-help" data-testid="matrix-help">
        <h2>{t('matrix.heading')}</h2>
        <p>{t('matrix.intro')}</p>
        <p className="muted">{t('matrix.keys')}</p>
      </article>
    );
  const mc = derived.matrix ? cellAt(derived.matrix, cell.place, cell.industry) : undefined;
  const close = () => {
    cellOpened(null);
    document
      .querySelector<HTMLElement>(
        `td[data-place="${CSS.escape(cell.place)}"][data-industry="${CSS.escape(cell.industry)}"]`,
      )
      ?.focus();
  };
  const title = `${placeName(data, cell.place, lang)} × ${industryName(data, cell.industry, lang)}`;
  return (
    <article className="cell-sentences" data-testid="cell-sentences" aria-labelledby="cell-title">
      <PanelHeader id="cell-title" onClose={close}>
        {title}
      </PanelHeader>
      {!mc ? (
        <p className="nothing">{t('matrix.cellGone')}</p>
      ) : (
        <>
          <p>
            <RoleBadge role={mc.role} />
          </p>
          {mc.plans.map((planId) => (
            <PlanSection key={planId} plan={planId}>
              <ul>
                {assignmentsByIds(data, mc.byPlan[planId]?.assignmentIds ?? []).map((a) => (
                  <AssignmentItem key={a.id} a={a} testId="assignment">
                    <AssignmentTerms a={a} />
                  </AssignmentItem>
                ))}
              </ul>
            </PlanSection>
          ))}
        </>
      )}
    </article>
  );
}
