/** Plan timeline, hierarchical industry picker (searchable in zh/en/pinyin: the build writes each industry's pinyin) and role toggles. */
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Industry, ROLES } from '../domain/types.ts';
import { roleColor } from '../state/colors.ts';
import { useExplorer, useExplorerState, useUrgentState } from './context.tsx';
import { matches } from './names.ts';

export function PlanTimeline() {
  const { t } = useTranslation();
  const { data, derived } = useExplorer();
  const plan = useExplorerState((s) => s.plan);
  const lang = useExplorerState((s) => s.lang);
  const planChosen = useExplorerState((s) => s.planChosen);
  const counts = derived.counts.plan;
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return (
    <fieldset className="timeline" data-testid="plan-filter">
      <legend>{t('filters.plan')}</legend>
      <button type="button" aria-pressed={plan === 'all'} onClick={() => planChosen('all')} data-plan="all">
        <span className="timeline-year">{t('filters.allPlans')}</span>
        <span className="count">{total}</span>
      </button>
      {data.plans.map((p) => (
        <button
          type="button"
          key={p.id}
          aria-pressed={plan === p.id}
          onClick={() => planChosen(p.id)}
          data-plan={p.id}
          className={counts.get(p.id) ? undefined : 'empty'}
          title={lang === 'zh' ? p.titleZh : p.titleEn}
        >
          <span className="timeline-year">{p.year}</span>
          <span className="timeline-title">{lang === 'zh' ? p.titleZh : p.titleEn}</span>
          <span className="count">{counts.get(p.id) ?? 0}</span>
        </button>
      ))}
    </fieldset>
  );
}

export function IndustryPicker() {
  const { t } = useTranslation();
  const { data, derived } = useExplorer();
  const industry = useExplorerState((s) => s.industry);
  const lang = useExplorerState((s) => s.lang);
  const industryChosen = useExplorerState((s) => s.industryChosen);
  const [query, setQuery] = useState('');
  const counts = derived.counts.industry;

  const tree = useMemo(() => {
    const top = data.industries.filter((i) => !i.parent || !data.industryById.has(i.parent));
    const children = (id: string) => data.industries.filter((i) => i.parent === id);
    const out: { industry: Industry; depth: number }[] = [];
    const walk = (i: Industry, depth: number) => {
      out.push({ industry: i, depth });
      for (const c of children(i.id)) walk(c, depth + 1);
    };
    for (const i of top) walk(i, 0);
    return out;
  }, [data]);

  const shown = useMemo(
    () => tree.filter(({ industry: i }) => matches(query, [i.zh, i.en, ...i.aliases], i.pinyin)),
    [tree, query],
  );
  return (
    <fieldset className="industries" data-testid="industry-filter">
      <legend>{t('filters.industry')}</legend>
      <input
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-label={t('filters.industrySearch')}
        placeholder={t('filters.industrySearch')}
        data-testid="industry-search"
      />
      <ul className="industry-list">
        <li>
          <button type="button" aria-pressed={industry === null} onClick={() => industryChosen(null)} data-industry="">
            {t('filters.allIndustries')}
          </button>
        </li>
        {shown.map(({ industry: i, depth }) => (
          <IndustryRow
            key={i.id}
            industry={i}
            depth={depth}
            pressed={industry === i.id}
            count={counts.get(i.id) ?? 0}
            lang={lang}
            onChoose={industryChosen}
          />
        ))}
        {shown.length === 0 && <li className="muted">{t('filters.noIndustryMatch')}</li>}
      </ul>
    </fieldset>
  );
}

interface RowProps {
  industry: Industry;
  depth: number;
  pressed: boolean;
  count: number;
  lang: 'zh' | 'en';
  onChoose: (id: string | null) => void;
}

/** One industry button; memoised so a filter change re-renders only the rows whose count or state changed. */
const IndustryRow = memo(function IndustryRow({ industry: i, depth, pressed, count, lang, onChoose }: RowProps) {
  return (
    <li style={{ paddingInlineStart: `${depth * 1.1}rem` }}>
      <button
        type="button"
        aria-pressed={pressed}
        onClick={() => onChoose(pressed ? null : i.id)}
        data-industry={i.id}
        className={count ? undefined : 'empty'}
      >
        <span>{lang === 'zh' ? i.zh : i.en}</span>
        {lang === 'en' && <span className="secondary">{i.zh}</span>}
        <span className="count">{count}</span>
      </button>
    </li>
  );
});

export function RoleToggles() {
  const { t } = useTranslation();
  const { derived } = useExplorer();
  // The checkboxes follow the store at once: React would reset a controlled input to the deferred value.
  const roles = useUrgentState((s) => s.roles);
  const roleToggled = useExplorerState((s) => s.roleToggled);
  const counts = derived.counts.role;
  return (
    <fieldset className="roles" data-testid="role-filter">
      <legend>{t('filters.roles')}</legend>
      {ROLES.map((r) => (
        <label key={r} title={t(`roleHelp.${r}`)}>
          <input type="checkbox" checked={roles.includes(r)} onChange={() => roleToggled(r)} data-role={r} />
          <span className="swatch" style={{ background: roleColor(r) }} aria-hidden="true" />
          {t(`role.${r}`)} <span className="count">{counts[r]}</span>
        </label>
      ))}
    </fieldset>
  );
}
