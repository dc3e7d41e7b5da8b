/**
 * The division-of-labour matrix: a real <table> of places (rows, grouped by city) × industries
 * (columns, grouped by parent) with row/column headers and scopes. Each cell names the role (abbreviated, full words for screen readers) and, in
 * all-plans mode, the plans. Arrow keys move a roving focus between cells; Enter or a click opens the sentences
 * behind a cell in the panel. Sorting and filters are part of the shared state (?sort=, ?city=, ?plan=, ?roles=).
 */
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cellAt, type MatrixRow, matrixColumns } from '../analysis/matrix.ts';
import { ROLES } from '../domain/types.ts';
import { matrixTotals, planLabels } from '../state/planner.ts';
import { useExplorer, useExplorerState, useUrgentState } from './context.tsx';
import { LevelChoice } from './LevelChoice.tsx';
import { assignmentsByIds, industryName, placeName, planName } from './names.ts';
import { AssignmentItem, RoleBadge } from './PlacePanel.tsx';
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

type SortDir = 'ascending' | 'descending' | 'none';

export function MatrixView() {
  const { t } = useTranslation();
  const { data, derived } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const plan = useExplorerState((s) => s.plan);
  const sort = useExplorerState((s) => s.sort);
  const cell = useExplorerState((s) => s.cell);
  const matrixSorted = useExplorerState((s) => s.matrixSorted);
  const cellOpened = useExplorerState((s) => s.cellOpened);
  const matrix = derived.matrix;
  const labels = useMemo(() => planLabels(data), [data]);
  const shortLabels = useMemo(() => planLabels(data, true), [data]);
  const columns = useMemo(() => (matrix ? matrixColumns(matrix) : []), [matrix]);
  const rows: MatrixRow[] = useMemo(() => (matrix ? matrix.rowGroups.flatMap((g) => g.rows) : []), [matrix]);
  const totals = useMemo(() => (matrix ? matrixTotals(matrix) : new Map()), [matrix]);
  const [active, setActive] = useState({ r: 0, c: 0 });
  const tableRef = useRef<HTMLTableElement>(null);
  const r = Math.min(active.r, Math.max(0, rows.length - 1));
  const c = Math.min(active.c, Math.max(0, columns.length - 1));
  const grouped = sort === 'place';
  const twoHeaderRows = matrix?.columnGroups.some((g) => g.columns.length > 1 || g.columns[0]?.industry !== g.industry);

  // The cell whose sentences are open stays the focusable one after a re-render (e.g. a sort).
  useEffect(() => {
    if (!cell) return;
    const ri = rows.findIndex((row) => row.place === cell.place);
    const ci = columns.indexOf(cell.industry);
    if (ri >= 0 && ci >= 0) setActive((a) => (a.r === ri && a.c === ci ? a : { r: ri, c: ci }));
  }, [cell, rows, columns]);

  if (!matrix) return null;
  if (rows.length === 0)
    return (
      <div className="matrix-wrap">
        <p className="nothing" data-testid="matrix-empty">
          {t('matrix.none')}
        </p>
      </div>
    );

  const focusCell = (ri: number, ci: number) => {
    const nr = Math.max(0, Math.min(rows.length - 1, ri));
    const nc = Math.max(0, Math.min(columns.length - 1, ci));
    setActive({ r: nr, c: nc });
    tableRef.current?.querySelector<HTMLElement>(`td[data-r="${nr}"][data-c="${nc}"]`)?.focus();
  };
  const open = (ri: number, ci: number) => {
    const row = rows[ri];
    const industry = columns[ci];
    if (!row || !industry || !row.cells[industry]) return;
    cellOpened({ place: row.place, industry });
  };
  const onKey = (e: KeyboardEvent<HTMLTableCellElement>) => {
    const td = (e.target as HTMLElement).closest('td[data-r]') as HTMLElement | null;
    if (!td) return;
    const ri = Number(td.dataset.r);
    const ci = Number(td.dataset.c);
    const moves: Record<string, [number, number]> = {
      ArrowUp: [ri - 1, ci],
      ArrowDown: [ri + 1, ci],
      ArrowLeft: [ri, ci - 1],
      ArrowRight: [ri, ci + 1],
      Home: e.ctrlKey ? [0, 0] : [ri, 0],
      End: e.ctrlKey ? [rows.length - 1, columns.length - 1] : [ri, columns.length - 1],
      PageUp: [ri - 10, ci],
      PageDown: [ri + 10, ci],
    };
    const to = moves[e.key];
    if (to) {
      e.preventDefault();
      focusCell(to[0], to[1]);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(ri, ci);
    }
  };

  const sortState = (key: 'place' | 'count' | string): SortDir => {
    if (key === 'place') return sort === 'place' ? 'ascending' : 'none';
    if (key === 'count') return sort === 'count' ? 'descending' : 'none';
    return typeof sort === 'object' && sort.industry === key ? 'descending' : 'none';
  };
  const roleAbbr = (role: (typeof ROLES)[number]) => t(`matrix.abbr.${role}`);
  const industryLabel = (id: string) => industryName(data, id, lang);

  const renderRow = (row: MatrixRow, ri: number) => {
    const p = data.placeById.get(row.place)?.properties;
    const n = Object.keys(row.cells).length;
    return (
      <tr key={row.place} data-place={row.place}>
        <th scope="row" className={`place-head level-${row.level ?? 'other'}`}>
          {placeName(data, row.place, lang)}
          {!grouped && p?.city && p.city !== row.place && (
            <span className="secondary">{placeName(data, p.city, lang)}</span>
          )}
        </th>
        <td className="n">{n}</td>
        {columns.map((industry, ci) => {
          const mc = row.cells[industry];
          const isActive = ri === r && ci === c;
          const isOpen = cell?.place === row.place && cell.industry === industry;
          if (!mc)
            return (
              <td
                key={industry}
                data-r={ri}
                data-c={ci}
                tabIndex={isActive ? 0 : -1}
                className="empty-cell"
                onKeyDown={onKey}
              >
                <span className="visually-hidden">{t('matrix.emptyCell')}</span>
              </td>
            );
          const plans = mc.plans.map((id) => labels.get(id) ?? id);
          const short = mc.plans.map((id) => shortLabels.get(id) ?? id);
          return (
            <td
              key={industry}
              data-r={ri}
              data-c={ci}
              tabIndex={isActive ? 0 : -1}
              className={`cell role-${mc.role}${isOpen ? ' open' : ''}`}
              data-testid="matrix-cell"
              data-place={row.place}
              data-industry={industry}
              data-role={mc.role}
              data-open={isOpen || undefined}
              onKeyDown={onKey}
              onClick={() => {
                setActive({ r: ri, c: ci });
                open(ri, ci);
              }}
            >
              <span className="abbr" aria-hidden="true">
                {roleAbbr(mc.role)}
              </span>
              <span className="visually-hidden">{t(`role.${mc.role}`)}</span>
              {plan === 'all' && (
                <span className="plans">
                  <span aria-hidden="true">{short.join('·')}</span>
                  <span className="visually-hidden">{t('matrix.inPlans', { plans: plans.join(', ') })}</span>
                </span>
              )}
            </td>
          );
        })}
      </tr>
    );
  };

  let rowIndex = 0;
  return (
    <div className="matrix-wrap" data-testid="matrix">
      <p className="matrix-key muted small" id="matrix-key">
        {ROLES.map((role) => (
          <span key={role} className="key-item">
            <span className={`abbr-key role-${role}`} aria-hidden="true">
              {roleAbbr(role)}
            </span>{' '}
            {t(`role.${role}`)}
          </span>
        ))}
        <span className="key-item key-help">{t('matrix.keyHelp')}</span>
      </p>
      <div className="matrix-scroll">
        <table ref={tableRef} className="matrix" aria-describedby="matrix-key" data-testid="matrix-table">
          <caption className="visually-hidden">{t('matrix.caption')}</caption>
          <colgroup>
            <col />
            <col />
          </colgroup>
          {matrix.columnGroups.map((g) => (
            <colgroup key={g.industry} span={g.columns.length} />
          ))}
          <thead>
            {twoHeaderRows && (
              <tr className="parents">
                <td colSpan={2} />
                {matrix.columnGroups.map((g) => (
                  <th key={g.industry} scope="colgroup" colSpan={g.columns.length} data-industry={g.industry}>
                    {industryLabel(g.industry)}
                  </th>
                ))}
              </tr>
            )}
            <tr>
              <th scope="col" className="corner" aria-sort={sortState('place')}>
                <button type="button" onClick={() => matrixSorted('place')} data-testid="matrix-sort-place">
                  {t('matrix.place')}
                </button>
              </th>
              <th scope="col" className="n" aria-sort={sortState('count')}>
                <button
                  type="button"
                  onClick={() => matrixSorted('count')}
                  title={t('matrix.countHelp')}
                  data-testid="matrix-sort-count"
                >
                  {t('matrix.count')}
                </button>
              </th>
              {columns.map((industry) => (
                <th key={industry} scope="col" aria-sort={sortState(industry)} data-industry={industry}>
                  <button
                    type="button"
                    onClick={() => matrixSorted({ industry })}
                    aria-label={t('matrix.sortBy', { industry: industryLabel(industry) })}
                    data-testid="matrix-sort-industry"
                  >
                    {industryLabel(industry)}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          {matrix.rowGroups.map((g) => (
            <tbody key={g.city ?? 'none'} data-city={g.city ?? ''}>
              {grouped && (
                <tr className="group">
                  <th scope="rowgroup" colSpan={columns.length + 2}>
                    <span className="group-name">
                      {g.city ? placeName(data, g.city, lang) : t('matrix.otherPlaces')}
                    </span>
                  </th>
                </tr>
              )}
              {g.rows.map((row) => renderRow(row, rowIndex++))}
            </tbody>
          ))}
          <tfoot>
            <tr className="totals" data-testid="matrix-totals">
              <th scope="row" colSpan={2} title={t('matrix.totalsHelp')}>
                {t('matrix.totals')}
              </th>
              {columns.map((industry) => {
                const tot = totals.get(industry) ?? { cities: 0, counties: 0 };
                return (
                  <td
                    key={industry}
                    data-industry={industry}
                    data-cities={tot.cities}
                    data-counties={tot.counties}
                    data-testid="matrix-total"
                  >
                    <span aria-hidden="true">
                      {tot.cities}·{tot.counties}
                    </span>
                    <span className="visually-hidden">
                      {t('matrix.totalCell', { cities: tot.cities, counties: tot.counties })}
                    </span>
                  </td>
                );
              })}
            </tr>
          </tfoot>
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
      <header className="panel-header">
        <h2 id="cell-title">{title}</h2>
        <button type="button" className="close" onClick={close} aria-label={t('panel.close')}>
          ×
        </button>
      </header>
      {!mc ? (
        <p className="nothing">{t('matrix.cellGone')}</p>
      ) : (
        <>
          <p>
            <RoleBadge role={mc.role} />
          </p>
          {mc.plans.map((planId) => {
            const pc = mc.byPlan[planId];
            const list = assignmentsByIds(data, pc?.assignmentIds ?? []);
            return (
              <section key={planId} className="plan-group" data-plan={planId}>
                <h3>
                  <span className="year">{data.planById.get(planId)?.year}</span> {planName(data, planId, lang)}
                </h3>
                <ul>
                  {list.map((a) => (
                    <AssignmentItem key={a.id} a={a} testId="assignment">
                      <AssignmentTerms a={a} />
                    </AssignmentItem>
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </article>
  );
}
