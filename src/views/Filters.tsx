/** Plan timeline, hierarchical industry picker (searchable in zh/en/pinyin: the build writes each industry's pinyin) and role toggles. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Industry, ROLES } from '../domain/types.ts';
import { roleColor } from '../state/colors.ts';
import { countsByIndustry, countsByPlan, countsByRole } from '../state/selectors.ts';
import { useExplorer, useExplorerState } from './context.tsx';
import { matches } from './names.ts';

export function PlanTimeline() {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const plan = useExplorerState((s) => s.plan);
  const industry = useExplorerState((s) => s.industry);
  const roles = useExplorerState((s) => s.roles);
  const lang = useExplorerState((s) => s.lang);
  const planChosen = useExplorerState((s) => s.planChosen);
  const counts = useMemo(() => countsByPlan(data, { plan, industry, roles }), [data, plan, industry, roles]);
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
  const { data } = useExplorer();
  const industry = useExplorerState((s) => s.industry);
  const plan = useExplorerState((s) => s.plan);
  const roles = useExplorerState((s) => s.roles);
  const lang = useExplorerState((s) => s.lang);
  const industryChosen = useExplorerState((s) => s.industryChosen);
  const [query, setQuery] = useState('');
  const counts = useMemo(() => countsByIndustry(data, { plan, industry, roles }), [data, plan, industry, roles]);

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

  const shown = tree.filter(({ industry: i }) => matches(query, [i.zh, i.en, ...i.aliases], i.pinyin));
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
          <li key={i.id} style={{ paddingInlineStart: `${depth * 1.1}rem` }}>
            <button
              type="button"
              aria-pressed={industry === i.id}
              onClick={() => industryChosen(industry === i.id ? null : i.id)}
              data-industry={i.id}
              className={counts.get(i.id) ? undefined : 'empty'}
            >
              <span>{lang === 'zh' ? i.zh : i.en}</span>
              {lang === 'en' && <span className="secondary">{i.zh}</span>}
              <span className="count">{counts.get(i.id) ?? 0}</span>
            </button>
          </li>
        ))}
        {shown.length === 0 && <li className="muted">{t('filters.noIndustryMatch')}</li>}
      </ul>
    </fieldset>
  );
}

export function RoleToggles() {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const plan = useExplorerState((s) => s.plan);
  const industry = useExplorerState((s) => s.industry);
  const roles = useExplorerState((s) => s.roles);
  const roleToggled = useExplorerState((s) => s.roleToggled);
  const counts = useMemo(() => countsByRole(data, { plan, industry, roles }), [data, plan, industry, roles]);
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
