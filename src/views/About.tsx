import { useTranslation } from 'react-i18next';
import { useExplorer } from './context.tsx';
import { Dialog } from './Dialog.tsx';

/** "About this data": method, roles, counts, boundary provenance and limits. */
export function About({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const places = new Set(data.assignments.map((a) => a.place)).size;
  return (
    <Dialog
      testId="about"
      titleId="about-title"
      title={t('about.heading')}
      closeLabel={t('about.close')}
      onClose={onClose}
    >
      <p>{t('about.body1')}</p>
      <p>{t('about.body2')}</p>
      <p>{t('about.body3', { plans: data.plans.length, places, assignments: data.assignments.length })}</p>
      <p data-testid="about-translation">{t('about.translation')}</p>
      <p>{t('about.limits')}</p>
      <p className="muted">{t('about.boundaries', { attribution: data.attribution })}</p>
    </Dialog>
  );
}
