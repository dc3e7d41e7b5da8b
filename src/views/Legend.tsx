import { useTranslation } from 'react-i18next';
import { legendItems, NO_DATA_COLOR } from '../state/colors.ts';
import { useExplorer, useExplorerState } from './context.tsx';
import { industryName } from './names.ts';

/** Explains the map colours in words, so colour is never the only carrier of meaning. */
export function Legend() {
  const { t } = useTranslation();
  const { data, derived } = useExplorer();
  const industry = useExplorerState((s) => s.industry);
  const lang = useExplorerState((s) => s.lang);
  const title =
    derived.mode === 'role'
      ? t('legend.roleTitle', { industry: industry ? industryName(data, industry, lang) : '' })
      : t('legend.countTitle');
  return (
    <section className="legend" aria-label={t('legend.heading')} data-testid="legend">
      <h2 className="legend-title">{title}</h2>
      <ul>
        {legendItems(derived.mode).map((item) => (
          <li key={item.key + JSON.stringify(item.options ?? {})}>
            <span className="swatch" style={{ background: item.color }} aria-hidden="true" />
            {t(item.key, item.options)}
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: NO_DATA_COLOR }} aria-hidden="true" />
          {t('legend.none')}
        </li>
        <li>
          <span className="swatch dot" aria-hidden="true" />
          {t('legend.park')}
        </li>
      </ul>
    </section>
  );
}
