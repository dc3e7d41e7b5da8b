/**
 * Says on the map why it is empty: a plan that assigns nothing at all (the 2018 传统产业 plan), or filters that leave
 * nothing. Never a grey map without a word.
 */
import { useTranslation } from 'react-i18next';
import { planAssignsNothing } from '../state/profiles.ts';
import { useExplorer, useExplorerState } from './context.tsx';
import { planName } from './names.ts';

export function MapNotice() {
  const { t } = useTranslation();
  const { data, derived } = useExplorer();
  const plan = useExplorerState((s) => s.plan);
  const lang = useExplorerState((s) => s.lang);
  const view = useExplorerState((s) => s.view);
  if (view !== 'map' || derived.visible.length > 0) return null;
  const p = data.planById.get(plan);
  const text = planAssignsNothing(data, plan)
    ? t('empty.plan', { year: p?.year ?? '', title: planName(data, plan, lang) })
    : t('empty.filters');
  return (
    <p className="map-notice" role="status" data-testid="map-notice">
      {text}
    </p>
  );
}
