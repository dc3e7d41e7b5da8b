/** With an industry chosen and no place selected: the places assigned to it, by role. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../domain/types.ts';
import { placesByRole } from '../state/selectors.ts';
import { useExplorer, useExplorerState } from './context.tsx';
import { industryName, placeName } from './names.ts';
import { RoleBadge } from './PlacePanel.tsx';

export function IndustryView({ industry }: { industry: string }) {
  const { t } = useTranslation();
  const { data, derived, mapCommands } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const placeClicked = useExplorerState((s) => s.placeClicked);
  const byRole = useMemo(
    () => placesByRole(derived.summary, (id) => placeName(data, id, lang)),
    [derived.summary, data, lang],
  );
  const name = industryName(data, industry, lang);
  const empty = ROLES.every((r) => byRole[r].length === 0);
  return (
    <article className="industry-view" data-testid="industry-view" data-industry={industry}>
      <h2>{t('industryView.heading', { industry: name })}</h2>
      {empty && <p data-testid="nothing-assigned">{t('industryView.none', { industry: name })}</p>}
      {ROLES.filter((r) => byRole[r].length).map((r) => (
        <section key={r} data-role={r}>
          <h3>
            <RoleBadge role={r} /> <span className="count">{byRole[r].length}</span>
          </h3>
          <ul className="place-list">
            {byRole[r].map((id) => (
              <li key={id}>
                <button
                  type="button"
                  data-place={id}
                  onClick={() => {
                    placeClicked(id);
                    mapCommands.current?.focusPlace(id);
                  }}
                >
                  {placeName(data, id, lang)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}

/** Nothing chosen: a hint and the places named most often under the current filters. */
export function Overview() {
  const { t } = useTranslation();
  const { data, derived, mapCommands } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const placeClicked = useExplorerState((s) => s.placeClicked);
  const top = [...derived.summary.values()]
    .sort((a, b) => b.industries.size - a.industries.size || b.count - a.count)
    .slice(0, 10);
  return (
    <article className="overview" data-testid="overview">
      <p>{t('panel.intro')}</p>
      <h2>{t('panel.overviewHeading')}</h2>
      <ol className="place-list">
        {top.map((s) => (
          <li key={s.place}>
            <button
              type="button"
              data-place={s.place}
              onClick={() => {
                placeClicked(s.place);
                mapCommands.current?.focusPlace(s.place);
              }}
            >
              {placeName(data, s.place, lang)}
            </button>{' '}
            <span className="muted">{t('panel.industryCount', { count: s.industries.size })}</span>
          </li>
        ))}
      </ol>
    </article>
  );
}
