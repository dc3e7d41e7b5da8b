/**
 * The change view: two plans compared per place and industry (gained / dropped / upgraded / downgraded / kept), with
 * the matching rule in words and, for every row, the sentences behind it on both sides. The map colours places by
 * their kind (Explorer's derived data); this module only renders the controls and the list.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANGE_KINDS, type ChangeRow, countChanges, describeMatching } from '../analysis/changes.ts';
import type { Role } from '../domain/types.ts';
import { CHANGE_COLORS } from '../state/colors.ts';
import { comparedPlans } from '../state/planner.ts';
import { useExplorer, useExplorerState, useUrgentState } from './context.tsx';
import { LevelChoice } from './LevelChoice.tsx';
import { assignmentsByIds, industryName, placeName, planName } from './names.ts';
import { AssignmentItem } from './PlacePanel.tsx';

export function ChangeControls() {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const from = useUrgentState((s) => s.from);
  const to = useUrgentState((s) => s.to);
  const lang = useExplorerState((s) => s.lang);
  const comparisonChosen = useExplorerState((s) => s.comparisonChosen);
  const shown = comparedPlans(data, { from, to });
  const defaults = comparedPlans(data, { from: null, to: null });
  // A choice equal to the default is stored as "default", so the link stays short.
  const choose = (side: 'from' | 'to', id: string) => {
    const next = { from: shown.from, to: shown.to, [side]: id };
    comparisonChosen(next.from === defaults.from ? null : next.from, next.to === defaults.to ? null : next.to);
  };
  return (
    <fieldset className="compare" data-testid="change-controls">
      <legend>{t('change.compare')}</legend>
      {(['from', 'to'] as const).map((side) => (
        <label key={side} className="field">
          <span>{t(`change.${side}`)}</span>
          <select value={shown[side]} onChange={(e) => choose(side, e.target.value)} data-testid={`change-${side}`}>
            {data.plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.year} · {planName(data, p.id, lang)}
              </option>
            ))}
          </select>
        </label>
      ))}
      <LevelChoice view="change" />
      <p className="muted small">{t('change.allRoles')}</p>
    </fieldset>
  );
}

const roleWord = (t: (k: string) => string, r: Role | null) => (r ? t(`role.${r}`) : '—');

function Sentences({ ids, plan }: { ids: string[]; plan: string }) {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const list = assignmentsByIds(data, ids);
  return (
    <div className="side">
      <h4>
        <span className="year">{data.planById.get(plan)?.year}</span> {planName(data, plan, lang)}
      </h4>
      {list.length === 0 ? (
        <p className="muted">{t('change.notNamed')}</p>
      ) : (
        <ul>
          {list.map((a) => (
            <AssignmentItem key={a.id} a={a} />
          ))}
        </ul>
      )}
    </div>
  );
}

function Row({ row, plans }: { row: ChangeRow; plans: { from: string; to: string } }) {
  const { t } = useTranslation();
  const { data, mapCommands } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const placeClicked = useExplorerState((s) => s.placeClicked);
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <li
      className={`change-row kind-${row.kind}`}
      data-testid="change-row"
      data-kind={row.kind}
      data-place={row.place}
      data-industry={row.industry}
    >
      <div className="change-line">
        <span className="kind">
          <span className="swatch" style={{ background: CHANGE_COLORS[row.kind] }} aria-hidden="true" />
          {t(`change.kind.${row.kind}`)}
        </span>
        <button
          type="button"
          className="linkish"
          onClick={() => {
            placeClicked(row.place);
            mapCommands.current?.focusPlace(row.place);
          }}
        >
          {placeName(data, row.place, lang)}
        </button>
        <span className="roles-change">
          {roleWord(t, row.before)} → {roleWord(t, row.after)}
        </span>
        <button
          type="button"
          className="small-button"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
          data-testid="change-sentences-toggle"
        >
          {t('change.sentences')}
        </button>
      </div>
      {open && (
        <div id={id} className="change-sentences" data-testid="change-sentences">
          <Sentences ids={row.beforeIds} plan={plans.from} />
          <Sentences ids={row.afterIds} plan={plans.to} />
        </div>
      )}
    </li>
  );
}

export function ChangeList({ rows }: { rows: ChangeRow[] }) {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const from = useExplorerState((s) => s.from);
  const to = useExplorerState((s) => s.to);
  const level = useExplorerState((s) => s.level);
  const industry = useExplorerState((s) => s.industry);
  const place = useExplorerState((s) => s.place);
  const placeClicked = useExplorerState((s) => s.placeClicked);
  const plans = comparedPlans(data, { from, to });
  const counts = countChanges(rows);
  const matching = describeMatching(data.industries, { level, industry })[lang];
  const byIndustry = useMemo(() => {
    const out = new Map<string, ChangeRow[]>();
    for (const r of rows) out.set(r.industry, [...(out.get(r.industry) ?? []), r]);
    return [...out];
  }, [rows]);
  const yearOf = (id: string) => data.planById.get(id)?.year ?? id;
  return (
    <article className="change-view" data-testid="change-view" data-from={plans.from} data-to={plans.to}>
      <h2>
        {t('change.heading', { from: yearOf(plans.from), to: yearOf(plans.to) })}
        {industry && ` · ${industryName(data, industry, lang)}`}
      </h2>
      <p className="muted small">
        {planName(data, plans.from, lang)} → {planName(data, plans.to, lang)}
      </p>
      {place && (
        <p className="only-place">
          {t('change.onlyPlace', { place: placeName(data, place, lang) })}{' '}
          <button type="button" className="linkish" onClick={() => placeClicked(null)} data-testid="change-all-places">
            {t('change.allPlaces')}
          </button>
        </p>
      )}
      <ul className="change-counts" data-testid="change-counts" aria-label={t('change.countsLabel')}>
        {CHANGE_KINDS.map((k) => (
          <li key={k} data-kind={k}>
            <span className="swatch" style={{ background: CHANGE_COLORS[k] }} aria-hidden="true" />
            {t(`change.kind.${k}`)} <span className="count">{counts[k]}</span>
          </li>
        ))}
      </ul>
      <p className="matching" data-testid="change-matching">
        <strong>{t('change.matching')}</strong> {matching}
      </p>
      {rows.length === 0 && (
        <p className="nothing" data-testid="change-empty">
          {t('change.none')}
        </p>
      )}
      <div data-testid="change-list">
        {byIndustry.map(([ind, list]) => (
          <section key={ind} className="change-industry" data-industry={ind}>
            <h3>{industryName(data, ind, lang)}</h3>
            <ul>
              {list.map((r) => (
                <Row key={`${r.place}~${r.industry}`} row={r} plans={plans} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </article>
  );
}
