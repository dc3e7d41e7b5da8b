/**
 * The modal frame the About, Downloads and source reader dialogs share: a labelled dialog with a heading and a close
 * button that takes focus on open, and Escape closing it.
 */
import { type ReactNode, useEffect, useRef } from 'react';

interface DialogProps {
  testId: string;
  titleId: string;
  title: ReactNode;
  closeLabel: string;
  onClose: () => void;
  /** Extra class of the card (the dialog's own layout). */
  cardClass?: string;
  closeTestId?: string;
  children: ReactNode;
}

export function Dialog({ testId, titleId, title, closeLabel, onClose, cardClass, closeTestId, children }: DialogProps) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="source-view" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid={testId}>
      <div className={cardClass ? `source-card ${cardClass}` : 'source-card'}>
        <div className="panel-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" ref={closeRef} onClick={onClose} data-testid={closeTestId}>
            {closeLabel}
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
