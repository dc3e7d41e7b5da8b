/**
 * The matrix's frame: the key above it (role abbreviations), the column headers (industries under their parent
 * industry when there are sub-columns, each a sort button with aria-sort) and the totals row at the foot.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Matrix } from '../../analysis/matrix.ts';
import { ROLES } from '../../domain/types.ts';
import { matrixTotals } from '../../state/planner.ts';
import type { MatrixSortKey } from '../../state/store.ts';
import { useExplorer, useExplorerState } from '../context.tsx';
import { industryName } from '../names.ts';

type SortDir = 'ascending' | 'descending' | 'none';

/** aria-sort of a column header: 'place', 'count' or an industry id, under the matrix's sort. */
export function sortState(sort: MatrixSortKey, key: string): SortDir {
  if (key === 'place') return sort === 'place' ? 'ascending' : 'none';
  if (key === 'count') return sort === 'count' ? 'descending' : 'none';
  return typeof sort === 'object' && sort.industry === key ? 'descending' : 'none';
}

/** The key: each role's abbreviation and word, and how to move in the table. */
export function MatrixKey() {
  const { t } = useTranslation();
  return (
    <p className="matrix-key muted small" id="matrix-key">
      {ROLES.map((role) => (
        <span key={role} className="key-item">
          <span className={`abbr-key role-${role}`} aria-hidden="true">
            {t(`matrix.abbr.${role}`)}
          </span>{' '}
          {t(`role.${role}`)}
        </span>
      ))}
      <span className="key-item key-help">{t('matrix.keyHelp')}</span>
    </p>
  );
}

export function MatrixHead({ matrix, columns }: { matrix: Matrix; columns: string[] }) {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const sort = useExplorerState((s) => s.sort);
  const matrixSorted = useExplorerState((s) => s.matrixSorted);
  const label = (id: string) => industryName(data, id, lang);
  const twoRows = matrix.columnGroups.some((g) => g.columns.length > 1 || g.columns[0]?.industry !== g.industry);
  return (
    <thead>
      {twoRows && (
        <tr className="parents">
          <td colSpan={2} />
          {matrix.columnGroups.map((g) => (
            <th key={g.industry} scope="colgroup" colSpan={g.columns.length} data-industry={g.industry}>
              {label(g.industry)}
            </th>
          ))}
        </tr>
      )}
      <tr>
        <th scope="col" className="corner" aria-sort={sortState(sort, 'place')}>
          <button type="button" onClick={() => matrixSorted('place')} data-testid="matrix-sort-place">
            {t('matrix.place')}
          </button>
        </th>
        <th scope="col" className="n" aria-sort={sortState(sort, 'count')}>
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
          <th key={industry} scope="col" aria-sort={sortState(sort, industry)} data-industry={industry}>
            <button
              type="button"
              onClick={() => matrixSorted({ industry })}
              aria-label={t('matrix.sortBy', { industry: label(industry) })}
              data-testid="matrix-sort-industry"
            >
              {label(industry)}
            </button>
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** Per industry: how many cities · counties the plans give it (the places in the matrix). */
export function MatrixTotals({ matrix, columns }: { matrix: Matrix; columns: string[] }) {
  const { t } = useTranslation();
  const totals = useMemo(() => matrixTotals(matrix), [matrix]);
  return (
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
  );
}
