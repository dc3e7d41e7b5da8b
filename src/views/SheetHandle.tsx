/**
 * The phone sheet's handle: a tap shows or hides the filters, dragging it up pulls the sheet to full height (dragging
 * down collapses it), and a button does the same for keyboards. While collapsed, a line says which filters are on.
 */
import { type PointerEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../domain/types.ts';
import { useExplorer, useExplorerState } from './context.tsx';
import { industryName } from './names.ts';

type Sheet = 'closed' | 'open' | 'full';

/** How far (CSS px) the handle must travel before a drag counts (below that it is a tap). */
const DRAG_PX = 40;

export function SheetHandle({ sheet, onChange }: { sheet: Sheet; onChange: (s: Sheet) => void }) {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const plan = useExplorerState((s) => s.plan);
  const industry = useExplorerState((s) => s.industry);
  const roles = useExplorerState((s) => s.roles);
  const lang = useExplorerState((s) => s.lang);
  const start = useRef<number | null>(null);
  const dragged = useRef(false);

  const parts: string[] = [];
  const p = data.planById.get(plan);
  parts.push(p ? `${p.year} ${lang === 'zh' ? p.titleZh : p.titleEn}` : t('filters.allPlans'));
  parts.push(industry ? industryName(data, industry, lang) : t('filters.allIndustries'));
  if (roles.length < ROLES.length) parts.push(roles.map((r) => t(`role.${r}`)).join(lang === 'zh' ? '、' : ', '));

  const down = (e: PointerEvent) => {
    start.current = e.clientY;
    dragged.current = false;
  };
  const up = (e: PointerEvent) => {
    if (start.current === null) return;
    const dy = e.clientY - start.current;
    start.current = null;
    if (Math.abs(dy) < DRAG_PX) return;
    dragged.current = true;
    onChange(dy < 0 ? 'full' : sheet === 'full' ? 'open' : 'closed');
  };
  return (
    <div className="sheet-bar">
      <button
        type="button"
        className="sheet-handle"
        aria-expanded={sheet !== 'closed'}
        onPointerDown={down}
        onPointerUp={up}
        onClick={() => {
          if (dragged.current) {
            dragged.current = false;
            return;
          }
          onChange(sheet === 'closed' ? 'open' : 'closed');
        }}
        data-testid="sheet-handle"
      >
        <span aria-hidden="true" className="grip" />
        <span className="sheet-label">{t('filters.heading')}</span>
        {sheet === 'closed' && (
          <span className="sheet-filters" data-testid="sheet-filters">
            {parts.join(' · ')}
          </span>
        )}
      </button>
      <button
        type="button"
        className="sheet-size"
        aria-pressed={sheet === 'full'}
        onClick={() => onChange(sheet === 'full' ? 'open' : 'full')}
        data-testid="sheet-full"
        title={t('sheet.full')}
      >
        <span aria-hidden="true">{sheet === 'full' ? '▾' : '▴'}</span>
        <span className="visually-hidden">{t('sheet.full')}</span>
      </button>
    </div>
  );
}
