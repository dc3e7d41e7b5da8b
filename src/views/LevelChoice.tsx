/**
 * "Top-level industries / industries as written": the level at which the change view and the matrix match industries.
 * Disabled while one industry is chosen (its sub-industries then always roll up into it).
 */
import { useTranslation } from 'react-i18next';
import { LEVELS } from '../state/store.ts';
import { useExplorerState, useUrgentState } from './context.tsx';

export function LevelChoice({ view }: { view: 'change' | 'matrix' }) {
  const { t } = useTranslation();
  const level = useUrgentState((s) => s.level);
  const industry = useExplorerState((s) => s.industry);
  const levelChosen = useExplorerState((s) => s.levelChosen);
  return (
    <fieldset className="level" data-testid={`${view}-level`} disabled={industry !== null}>
      <legend>{t(view === 'change' ? 'change.level' : 'matrix.columns')}</legend>
      {LEVELS.map((l) => (
        <label key={l}>
          <input
            type="radio"
            name={`${view}-level`}
            value={l}
            checked={level === l}
            onChange={() => levelChosen(l)}
            data-level={l}
          />
          {t(`${view}.levels.${l}`)}
        </label>
      ))}
      {industry !== null && <p className="muted small">{t(`${view}.levelIndustry`)}</p>}
    </fieldset>
  );
}
