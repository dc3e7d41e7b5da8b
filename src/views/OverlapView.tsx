/**
 * Overlap between cities (?view=overlap), for planners asking "which industries do many cities claim?" (同质化):
 * per industry, how many cities and counties the plans give it; per city, what only it is given and how concentrated
 * its assignments are. Lazy chunk. Counts come from src/analysis/profiles.ts `overlap`, under the plan, role and
 * industry filters, at the chosen level; each figure's rule is stated next to it.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { overlapFor } from '../state/profiles.ts';
import { useExplorer, useExplorerState } from './context.tsx';
import { LevelChoice } from './LevelChoice.tsx';
import { industryName, placeName } from './names.ts';

function useOverlap() {
  const { data } = useExplorer();
  const plan = useExplorerState((s) => s.plan);
  const industry = useExplorerState((s) => s.industry);
  const roles = useExplorerState((s) => s.roles);
  const level = useExplorerState((s) => s.level);
  return useMemo(() => overlapFor(data, { plan, industry, roles, level }), [data, plan, industry, roles, level]);
}

/** Cities in the province (the denominator of "n of 11 cities"). */
function useCityCount(): number {
  const { data } = useExplorer();
  return useMemo(() => data.places.filter((p) => p.properties.level === 'city').length, [data]);
}

/** Industries compared at the top level or exactly as named (the change view's wording fits: nothing here is columns). */
export function OverlapControls() {
  return <LevelChoice view="change" />;
}

/** Industries, most cities first: the main area. */
export function OverlapView() {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const industryChosen = useExplorerState((s) => s.industryChosen);
  const viewChosen = useExplorerState((s) => s.viewChosen);
  const o = useOverlap();
  const cityCount = useCityCount();
  const sep = lang === 'zh' ? '、' : ', ';
  if (o.industries.length === 0)
    return (
      <div className="overlap-wrap" data-testid="overlap">
        <p className="nothing" data-testid="overlap-empty">
          {t('matrix.none')}
        </p>
      </div>
    );
  return (
    <div className="overlap-wrap" data-testid="overlap">
      <h2>{t('overlap.heading')}</h2>
      <p className="muted small" data-testid="overlap-how">
        {t('overlap.how')}
      </p>
      <div className="overlap-scroll">
        <table className="overlap-table" data-testid="overlap-table">
          <caption className="visually-hidden">{t('overlap.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('profile.industryCol')}</th>
              <th scope="col" title={t('overlap.reachedHelp')}>
                {t('overlap.reached')}
              </th>
              <th scope="col" title={t('overlap.citiesHelp')}>
                {t('overlap.cities')}
              </th>
              <th scope="col" title={t('overlap.countiesHelp')}>
                {t('overlap.counties')}
              </th>
              <th scope="col" className="which">
                {t('overlap.which')}
              </th>
            </tr>
          </thead>
          <tbody>
            {o.industries.map((i) => (
              <tr
                key={i.industry}
                data-testid="overlap-row"
                data-industry={i.industry}
                data-reached={i.reached.length}
                data-cities={i.cities.length}
                data-counties={i.counties.length}
                className={i.reached.length >= cityCount / 2 ? 'many' : undefined}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="linkish"
                    onClick={() => {
                      industryChosen(i.industry);
                      viewChosen('map');
                    }}
                    title={t('overlap.showOnMap')}
                  >
                    {industryName(data, i.industry, lang)}
                  </button>
                </th>
                <td className="n">
                  <span
                    className="bar"
                    style={{ width: `${(100 * i.reached.length) / Math.max(1, cityCount)}%` }}
                    aria-hidden="true"
                  />
                  <span className="bar-value">{t('overlap.ofCities', { n: i.reached.length, total: cityCount })}</span>
                </td>
                <td className="n">{i.cities.length}</td>
                <td className="n">{i.counties.length}</td>
                <td className="small which">{i.reached.map((c) => placeName(data, c, lang)).join(sep)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Per city: only-here industries and concentration (the panel beside the overlap table). */
export function OverlapPanel() {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const placeClicked = useExplorerState((s) => s.placeClicked);
  const viewChosen = useExplorerState((s) => s.viewChosen);
  const o = useOverlap();
  const sep = lang === 'zh' ? '、' : ', ';
  return (
    <article className="overlap-cities" data-testid="overlap-cities">
      <h2>{t('overlap.citiesHeading')}</h2>
      <p className="muted small">{t('overlap.citiesHow')}</p>
      <ul className="overlap-city-list">
        {o.cities.map((c) => (
          <li
            key={c.city}
            data-testid="overlap-city"
            data-city={c.city}
            data-only={c.only.length}
            data-industries={c.industries.length}
            data-top3={c.top3Share.toFixed(2)}
          >
            <h3>
              <button
                type="button"
                className="linkish"
                title={t('overlap.openCity')}
                onClick={() => {
                  placeClicked(c.city);
                  viewChosen('map');
                }}
              >
                {placeName(data, c.city, lang)}
              </button>
            </h3>
            <p className="small">
              {t('overlap.cityLine', {
                industries: c.industries.length,
                count: c.count,
                share: Math.round(c.top3Share * 100),
              })}
            </p>
            <p className="small">
              <strong>{t('overlap.top')}:</strong>{' '}
              {c.top.map((x) => `${industryName(data, x.industry, lang)} (${x.count})`).join(sep)}
            </p>
            <p className="small">
              <strong>{t('overlap.only')}:</strong>{' '}
              {c.only.length ? c.only.map((i) => industryName(data, i, lang)).join(sep) : t('overlap.onlyNone')}
            </p>
          </li>
        ))}
      </ul>
    </article>
  );
}
