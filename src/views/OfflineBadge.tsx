/** A small badge: "offline ready" once the service worker has cached the explorer, a reload button for an update. */
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { offlineStatus } from '../offline/status.ts';

export function OfflineBadge() {
  const { t } = useTranslation();
  const status = useStore(offlineStatus, (s) => s.status);
  const update = useStore(offlineStatus, (s) => s.update);
  if (status === 'ready')
    return (
      <span
        className="offline-badge"
        role="status"
        title={t('offline.ready')}
        data-testid="offline-status"
        data-status="ready"
      >
        <span aria-hidden="true">✓ </span>
        <span className="offline-label">{t('offline.ready')}</span>
      </span>
    );
  if (status === 'update')
    return (
      <button
        type="button"
        className="offline-badge update"
        onClick={() => void update?.()}
        data-testid="offline-status"
        data-status="update"
        title={t('offline.update')}
      >
        <span aria-hidden="true">⟳ </span>
        <span className="offline-label">{t('offline.update')}</span>
      </button>
    );
  return <span role="status" data-testid="offline-status" data-status={status} className="visually-hidden" />;
}
