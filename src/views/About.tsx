import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useExplorer } from './context.tsx';

/** "About this data": method, roles, counts, boundary provenance and limits. */
export function About({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const places = new Set(data.assignments.map((a) => a.place)).size;
  return (
    <div className="source-view" role="dialog" aria-modal="true" aria-labelledby="about-title" data-testid="about">
      <div className="source-card">
        <div className="panel-header">
          <h2 id="about-title">{t('about.heading')}</h2>
          <button type="button" ref={closeRef} onClick={onClose}>
            {t('about.close')}
          </button>
        </div>
        <p>{t('about.body1')}</p>
        <p>{t('about.body2')}</p>
        <p>{t('about.body3', { plans: data.plans.length, places, assignments: data.assignments.length })}</p>
        <p>{t('about.limits')}</p>
        <p className="muted">{t('about.boundaries', { attribution: data.attribution })}</p>
      </div>
    </div>
  );
}
