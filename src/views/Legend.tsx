import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legendItems, NO_DATA_COLOR } from '../state/colors.ts';
import { useExplorer, useExplorerState } from './context.tsx';
import { industryName } from './names.ts';

/** What the map's colours show now (the legend's title; also part of the map's accessible name). */
export function useLegendTitle(): string {
  const { t } = useTranslation();
  const { data, derived } = useExplorer();
  const industry = useExplorerState((s) => s.industry);
  const lang = useExplorerState((s) => s.lang);
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
        {legendItems(derived.mode).map((item) => (
          <li key={item.key + JSON.stringify(item.options ?? {})}>
            <span className="swatch" style={{ background: item.color }} aria-hidden="true" />
            {t(item.key, item.options)}
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: NO_DATA_COLOR }} aria-hidden="true" />
          {derived.mode === 'change' ? t('legend.noChange') : t('legend.none')}
        </li>
        {derived.mode !== 'change' && (
          <>
            <li className="legend-note" data-testid="legend-county">
              {t(derived.mode === 'role' ? 'legend.countyRole' : 'legend.countyCount')}
            </li>
            <li>
              <span className="swatch own" aria-hidden="true" />
              {t('legend.countyOwn')}
            </li>
          </>
        )}
        <li>
          <span className="swatch region" aria-hidden="true" />
          {t('legend.region')}
        </li>
        <li>
          <span className="swatch dot" aria-hidden="true" />
          {t('legend.park')}
        </li>
      </ul>
    </details>
  );
}
