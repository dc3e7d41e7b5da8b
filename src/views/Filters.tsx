/** Plan timeline, hierarchical industry picker (searchable in zh/en/pinyin: the build writes each industry's pinyin) and role toggles. */
import { type KeyboardEvent, memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { treeOf } from '../analysis/hierarchy.ts';
import { type Industry, ROLES } from '../domain/types.ts';
import { roleColor } from '../state/colors.ts';
import { PLAY_STEP_MS, playSequence, stepPlan } from '../state/playback.ts';
import { plansWithAssignments } from '../state/profiles.ts';
import type { ExplorerStore } from '../state/store.ts';
import { useExplorer, useExplorerState, useUrgentState } from './context.tsx';
import { matches } from './names.ts';

/**
 * Plays the plans in year order (see playSequence): one step at once, then one every PLAY_STEP_MS. Stops at the end,
 * on pause, on unmount, and as soon as the plan is changed by anything else (a click, a key, reset, back/forward).
 */
function usePlanPlayback(plans: readonly string[], store: ExplorerStore) {
  const [playing, setPlaying] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stopWatch = useRef<() => void>(() => {});

  const pause = useCallback(() => {
    clearTimeout(timer.current);
    stopWatch.current();
    stopWatch.current = () => {};
    setPlaying(false);
  }, []);

  const play = useCallback(() => {
    pause();
    const queue = playSequence(plans, store.getState().plan);
    let expected: string | null = null;
    const step = () => {
      const next = queue.shift();
      if (next === undefined) return pause();
      expected = next;
      store.getState().planChosen(next);
      timer.current = setTimeout(queue.length ? step : pause, queue.length ? PLAY_STEP_MS : 0);
    };
    stopWatch.current = store.subscribe((s) => {
      if (expected !== null && s.plan !== expected) pause();
    });
    setPlaying(true);
    step();
  }, [plans, store, pause]);

  useEffect(() => pause, [pause]);
  return { playing, play, pause };
}

export function PlanTimeline() {
  const { t } = useTranslation();
  const { data, derived, store } = useExplorer();
  const plan = useUrgentState((s) => s.plan);
  const lang = useExplorerState((s) => s.lang);
  const planChosen = useExplorerState((s) => s.planChosen);
  const counts = derived.counts.plan;
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const planIds = useMemo(() => data.plans.map((p) => p.id), [data]);
  // Play skips a plan that assigns nothing at all (it would show an empty map); stepping still reaches it, and the
  // map and panel then say why it is empty.
  const playable = useMemo(() => {
    const used = plansWithAssignments(data);
    return planIds.filter((id) => used.has(id));
  }, [data, planIds]);
  const playback = usePlanPlayback(playable, store);
  const ref = useRef<HTMLFieldSetElement>(null);
  const helpId = useId();
  const current = data.planById.get(plan);

  const step = (dir: 1 | -1, moveFocus: boolean) => {
    playback.pause();
    const next = stepPlan(planIds, store.getState().plan, dir);
    planChosen(next);
    if (moveFocus) ref.current?.querySelector<HTMLButtonElement>(`button[data-plan="${next}"]`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    // On a plan button, focus follows the plan; on the step/play buttons it stays where it is.
    const onPlan = e.target instanceof HTMLElement && e.target.hasAttribute('data-plan');
    step(e.key === 'ArrowRight' ? 1 : -1, onPlan);
  };
  const choose = (id: string) => {
    playback.pause();
    planChosen(id);
  };

  return (
    <fieldset className="timeline" data-testid="plan-filter" ref={ref} onKeyDown={onKeyDown} aria-describedby={helpId}>
      <legend>{t('filters.plan')}</legend>
      <TimelineControls playback={playback} onStep={(dir) => step(dir, false)} helpId={helpId} />
      <span className="visually-hidden" role="status">
        {playback.playing && current
          ? t('filters.playing', { year: current.year, title: lang === 'zh' ? current.titleZh : current.titleEn })
          : ''}
      </span>
      <button type="button" aria-pressed={plan === 'all'} onClick={() => choose('all')} data-plan="all">
        <span className="timeline-year">{t('filters.allPlans')}</span>
        <span className="count">{total}</span>
      </button>
      {data.plans.map((p) => (
        <button
          type="button"
          key={p.id}
          aria-pressed={plan === p.id}
          onClick={() => choose(p.id)}
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

interface ControlsProps {
  playback: ReturnType<typeof usePlanPlayback>;
  onStep(dir: 1 | -1): void;
  helpId: string;
}

/** ‹ ▶/❚❚ › and the keyboard help. */
function TimelineControls({ playback: { playing, play, pause }, onStep, helpId }: ControlsProps) {
  const { t } = useTranslation();
  return (
    <div className="timeline-controls" data-testid="timeline-controls">
      <button
        type="button"
        onClick={() => onStep(-1)}
        aria-label={t('filters.previousPlan')}
        title={t('filters.previousPlan')}
        data-testid="plan-previous"
      >
        <span aria-hidden="true">‹</span>
      </button>
      <button
        type="button"
        className="timeline-play"
        onClick={playing ? pause : play}
        aria-label={playing ? t('filters.pause') : t('filters.play')}
        title={playing ? t('filters.pause') : t('filters.play')}
        data-testid="plan-play"
        data-playing={playing}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
      </button>
      <button
        type="button"
        onClick={() => onStep(1)}
        aria-label={t('filters.nextPlan')}
        title={t('filters.nextPlan')}
        data-testid="plan-next"
      >
        <span aria-hidden="true">›</span>
      </button>
      <span id={helpId} className="muted small timeline-help">
        {t('filters.timelineHelp')}
      </span>
    </div>
  );
}

export function IndustryPicker() {
  const { t } = useTranslation();
  const { data, derived, derive, store, mapCommands } = useExplorer();
  const industry = useExplorerState((s) => s.industry);
  const lang = useExplorerState((s) => s.lang);
  const chosen = useExplorerState((s) => s.industryChosen);
  // Choosing an industry shows its places: the camera must not stay on a place that has nothing of it.
  const industryChosen = useCallback(
    (id: string | null) => {
      chosen(id);
      if (!id) return;
      const shown = derive(store.getState()).claimed;
      mapCommands.current?.fitPlaces([...shown]);
    },
    [chosen, derive, store, mapCommands],
  );
  const [query, setQuery] = useState('');
  const counts = derived.counts.industry;

  const tree = useMemo(() => treeOf(data.industries).walk(), [data]);

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
  // The checkboxes follow the store at once: React would reset a controlled input to the rendered value.
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
