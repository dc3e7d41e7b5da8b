/**
 * Map / changes / matrix, as an ARIA tablist: Left/Right (and Home/End) move between tabs and activate them,
 * only the active tab is in the tab order. The view is part of the shared state (?view=…).
 */
import { type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { VIEWS, type ViewName } from '../state/store.ts';
import { useExplorerState, useUrgentState } from './context.tsx';

export function ViewTabs() {
  const { t } = useTranslation();
  // The tabs move focus with the selection, so they follow the store at once (not the render that follows the map).
  const view = useUrgentState((s) => s.view);
  const viewChosen = useExplorerState((s) => s.viewChosen);
  const refs = useRef(new Map<ViewName, HTMLButtonElement>());

  const onKey = (e: KeyboardEvent) => {
    const i = VIEWS.indexOf(view);
    const next =
      e.key === 'ArrowRight'
        ? VIEWS[(i + 1) % VIEWS.length]
        : e.key === 'ArrowLeft'
          ? VIEWS[(i - 1 + VIEWS.length) % VIEWS.length]
          : e.key === 'Home'
            ? VIEWS[0]
            : e.key === 'End'
              ? VIEWS[VIEWS.length - 1]
              : undefined;
    if (!next) return;
    e.preventDefault();
    viewChosen(next);
    refs.current.get(next)?.focus();
  };

  return (
    <div className="view-tabs" role="tablist" aria-label={t('views.label')} data-testid="view-tabs">
      {VIEWS.map((v) => (
        <button
          key={v}
          ref={(el) => {
            if (el) refs.current.set(v, el);
          }}
          type="button"
          role="tab"
          id={`tab-${v}`}
          aria-selected={view === v}
          aria-controls={view === v ? 'view-panel' : undefined}
          tabIndex={view === v ? 0 : -1}
          onClick={() => viewChosen(v)}
          onKeyDown={onKey}
          data-testid={`view-${v}`}
        >
          {t(`views.${v}`)}
        </button>
      ))}
    </div>
  );
}
