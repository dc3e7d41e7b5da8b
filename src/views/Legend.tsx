import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LegendMark, legendEntries } from '../state/colors.ts';
import { useExplorer, useExplorerState } from './context.tsx';
import { industryName, termName } from './names.ts';

const SWATCH_CLASS: Record<LegendMark, string> = {
  fill: '',
  outline: ' own',
  dashed: ' region',
  dot: ' dot',
  note: '',
};

/** What the map's colours show now (the legend's title; also part of the map's accessible name). */
export function useLegendTitle(): string {
  const { t } = useTranslation();
  const { data, derived } = useExplorer();
  const industry = useExplorerState((s) => s.industry);
  const lang = useExplorerState((s) => s.lang);
  const term = useExplorerState((s) => s.term);
  if (term && derived.term) return t('legend.termTitle', { term: termName(data, term, lang) });
  return derived.mode === 'change'
    ? t('legend.changeTitle', { industry: industry ? ` · ${industryName(data, industry, lang)}` : '' })
    : derived.mode === 'role'
      ? t('legend.roleTitle', { industry: industry ? industryName(data, industry, lang) : '' })
      : t('legend.countTitle');
}

/** Explains the map colours in words, so colour is never the only carrier of meaning. */
export function Legend() {
  const { t } = useTranslation();
  const { derived } = useExplorer();
  const [narrow] = useState(() => typeof matchMedia === 'function' && matchMedia('(max-width: 720px)').matches);
  const title = useLegendTitle();
  return (
    // A disclosure so that on a phone the legend does not cover the map; open by default on wider screens.
    <details className="legend" data-testid="legend" open={!narrow}>
      <summary className="legend-title">{title}</summary>
      <ul>
        {legendEntries(derived.mode).map((e) =>
          e.mark === 'note' ? (
            <li key={e.key} className="legend-note" data-testid="legend-county">
              {t(e.key)}
            </li>
          ) : (
            <li key={e.key + JSON.stringify(e.options ?? {})}>
              <span
                className={`swatch${SWATCH_CLASS[e.mark]}`}
                style={e.mark === 'fill' ? { background: e.color } : undefined}
                aria-hidden="true"
              />
              {t(e.key, e.options)}
            </li>
          ),
        )}
      </ul>
    </details>
  );
}
