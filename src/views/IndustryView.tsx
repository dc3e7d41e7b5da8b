/** With an industry chosen and no place selected: the places assigned to it, by role. */
import { useTranslation } from 'react-i18next';
import { planAssignsNothing } from '../state/profiles.ts';
import { useExplorer, useExplorerState } from './context.tsx';
import { placeName, planName } from './names.ts';
import { IndustryProfileView } from './Profiles.tsx';

/** An industry chosen, no place selected: where it is backed (src/views/Profiles.tsx). */
export function IndustryView({ industry }: { industry: string }) {
  return <IndustryProfileView industry={industry} />;
}

/** Nothing chosen: a hint and the places named most often under the current filters. */
export function Overview() {
  const { t } = useTranslation();
  const { data, derived, mapCommands } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const placeClicked = useExplorerState((s) => s.placeClicked);
  const plan = useExplorerState((s) => s.plan);
  const top = [...derived.summary.values()]
    .sort((a, b) => b.industries.size - a.industries.size || b.count - a.count)
    .slice(0, 10);
  return (
    <article className="overview" data-testid="overview">
      <p>{t('panel.intro')}</p>
      {top.length === 0 && (
        <p className="nothing" data-testid="nothing-assigned">
          {planAssignsNothing(data, plan)
            ? t('empty.plan', { year: data.planById.get(plan)?.year ?? '', title: planName(data, plan, lang) })
            : t('empty.filters')}
        </p>
      )}
      {top.length > 0 && <h2>{t('panel.overviewHeading')}</h2>}
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
