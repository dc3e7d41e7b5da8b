/** The selected place: every visible assignment grouped by plan and industry, each with its verbatim sentence. */
import type { TFunction } from 'i18next';
import type { MouseEvent, ReactNode, RefObject } from 'react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExplorerData } from '../data/load.ts';
import { type Assignment, ROLES } from '../domain/types.ts';
import { roleColor } from '../state/colors.ts';
import { placeProfileFor, planAssignsNothing } from '../state/profiles.ts';
import { placeAssignments, placesByRole } from '../state/selectors.ts';
import { type ExplorerStore, type Lang, pickState, type SourceTarget } from '../state/store.ts';
import { serializeUrl } from '../state/url.ts';
import { AsWritten, Quote, TermList, termsIn } from './bilingual.tsx';
import { useExplorer, useExplorerState } from './context.tsx';
import { industryName, placeName, planName } from './names.ts';
import { PlaceProfileView } from './Profiles.tsx';

/**
 * A panel's heading, focused when `key` (what the panel shows) changes after the first load: a place or term picked
 * on the map, in a list or the search is announced, and Tab continues in the panel. Not for one restored from a link.
 */
export function useHeadingFocus(key: string) {
  const { settled } = useExplorer();
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs for each new key (the effect reads nothing of it)
  useEffect(() => {
    if (settled.current) heading.current?.focus({ preventScroll: false });
  }, [key, settled]);
  return heading;
}

/** A place named in a panel or list, picked: select it and bring it into view on the map. */
export function usePickPlace(): (id: string) => void {
  const { mapCommands } = useExplorer();
  const placeClicked = useExplorerState((s) => s.placeClicked);
  return (id) => {
    placeClicked(id);
    mapCommands.current?.focusPlace(id);
  };
}

/** A side panel's header: the heading (`headingRef`: focusable, see useHeadingFocus) and the × closing the panel. */
export function PanelHeader(props: {
  id: string;
  headingRef?: RefObject<HTMLHeadingElement | null>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <header className="panel-header">
      <h2 id={props.id} ref={props.headingRef} tabIndex={props.headingRef && -1}>
        {props.children}
      </h2>
      <button type="button" className="close" onClick={props.onClose} aria-label={t('panel.close')}>
        ×
      </button>
    </header>
  );
}

/** A plan's section in a panel: its year and title, then `children` (its assignments). */
export function PlanSection({ plan, children }: { plan: string; children: ReactNode }) {
  const { data } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  return (
    <section className="plan-group" data-plan={plan}>
      <h3>
        <span className="year">{data.planById.get(plan)?.year}</span> {planName(data, plan, lang)}
      </h3>
      {children}
    </section>
  );
}

/** "The plan assigns nothing": said in the panels when the chosen plan has no assignments at all. */
export function planEmptyText(t: TFunction, data: ExplorerData, plan: string, lang: Lang): string {
  return t('empty.plan', { year: data.planById.get(plan)?.year ?? '', title: planName(data, plan, lang) });
}

/** The link (?source=…) that opens the source reader at a plan file's line, keeping the rest of the view. */
export function sourceHref(store: ExplorerStore, source: SourceTarget): string {
  return serializeUrl({ ...pickState(store.getState()), source }, '') || '?';
}

export function SourceLink({ a }: { a: Assignment }) {
  const { t } = useTranslation();
  const { data, store } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const target = { file: a.source.file, line: a.source.line };
  const href = sourceHref(store, target);
  const open = (e: MouseEvent) => {
    e.preventDefault();
    store.getState().sourceOpened(target);
  };
  return (
    <p className="cite">
      <a href={href} onClick={open} data-testid="source-link">
        {t('panel.cite', { plan: planName(data, a.plan, lang), line: a.source.line })}
      </a>
    </p>
  );
}

export function RoleBadge({ role }: { role: Assignment['role'] }) {
  const { t } = useTranslation();
  return (
    <span className={`role role-${role}`} data-role={role}>
      <span className="swatch" style={{ background: roleColor(role) }} aria-hidden="true" />
      {t(`role.${role}`)}
    </span>
  );
}

/**
 * One assignment as a list item: role, the industry as written, `children` (details), the quote (English first in
 * English mode, src/views/bilingual.tsx) and its citation. `asWritten`: show the tag even when it repeats the
 * industry's name (the change view, where the row names the rolled-up parent industry).
 */
export function AssignmentItem({
  a,
  asWritten = true,
  testId,
  children,
  highlight,
}: {
  a: Assignment;
  asWritten?: boolean;
  testId?: string;
  children?: ReactNode;
  /** More words to mark in the quote. */
  highlight?: readonly string[];
}) {
  return (
    <li className="assignment" data-testid={testId} data-assignment={a.id}>
      <RoleBadge role={a.role} />
      <AsWritten a={a} always={asWritten} />
      {children}
      <Quote a={a} also={highlight} />
      <SourceLink a={a} />
    </li>
  );
}

/** An assignment's products and enterprises, in the reader's language. */
export function AssignmentTerms({ a }: { a: Assignment }) {
  const { t } = useTranslation();
  const lang = useExplorerState((s) => s.lang);
  return (
    <>
      {a.products.length > 0 && (
        <p data-testid="products">
          <strong>{t('panel.products')}:</strong> <TermList items={termsIn(lang, a.products, a.productsEn)} />
        </p>
      )}
      {a.enterprises.length > 0 && (
        <p data-testid="enterprises">
          <strong>{t('panel.enterprises')}:</strong> <TermList items={termsIn(lang, a.enterprises, a.enterprisesEn)} />
        </p>
      )}
    </>
  );
}

/**
 * The selected place has nothing under the filters: say so, say why when the plan assigns nothing at all, and list
 * where the chosen industry is instead (no dead end).
 */
function NothingHere({ place, name, onPick }: { place: string; name: string; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const { data, derived } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const industry = useExplorerState((s) => s.industry);
  const plan = useExplorerState((s) => s.plan);
  const byRole = useMemo(
    () => placesByRole(derived.summary, (id) => placeName(data, id, lang)),
    [derived.summary, data, lang],
  );
  const elsewhere = ROLES.flatMap((r) => byRole[r]).filter((id) => id !== place);
  const planEmpty = planAssignsNothing(data, plan);
  return (
    <div className="nothing" data-testid="nothing-assigned">
      <p>{t('panel.nothing', { place: name })}</p>
      {planEmpty && <p>{planEmptyText(t, data, plan, lang)}</p>}
      {industry && elsewhere.length > 0 ? (
        <div data-testid="industry-elsewhere">
          <p>{t('panel.elsewhere', { industry: industryName(data, industry, lang) })}</p>
          <ul className="place-list">
            {elsewhere.map((id) => {
              const role = derived.summary.get(id)?.strongest;
              return (
                <li key={id}>
                  <button type="button" data-place={id} onClick={() => onPick(id)}>
                    {placeName(data, id, lang)}
                  </button>{' '}
                  {role && <span className="muted small">{t(`role.${role}`)}</span>}
                </li>
              );
            })}
          </ul>
        </div>
      ) : (
        !planEmpty && <p className="muted">{t('panel.nothingHint')}</p>
      )}
    </div>
  );
}

/** Under the heading: the Chinese name (English mode), the city it lies in, and how precise its position is. */
function PlaceFacts({ place, onPick }: { place: string; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const props = data.placeById.get(place)?.properties;
  const cityId = props?.city && props.city !== place ? props.city : null;
  return (
    <p className="muted">
      {lang === 'en' && props ? <span lang="zh-CN">{props.zh} </span> : null}
      {cityId && (
        <button type="button" className="linkish" onClick={() => onPick(cityId)}>
          {t('panel.inCity', { city: placeName(data, cityId, lang) })}
        </button>
      )}
      {props?.positionPrecision ? (
        <span title={props.positionSource}> {t(`panel.position.${props.positionPrecision}`)}</span>
      ) : (
        props?.approximate && <span> {t('panel.approximate')}</span>
      )}
    </p>
  );
}

/** The place's visible assignments: a section per plan, a group per industry. */
function PlanGroups({ groups }: { groups: ReturnType<typeof placeAssignments> }) {
  const { data } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  return groups.map((g) => (
    <PlanSection key={g.plan} plan={g.plan}>
      {g.industries.map((ig) => (
        <div key={ig.industry} className="industry-group">
          <h4>{industryName(data, ig.industry, lang)}</h4>
          <ul>
            {ig.assignments.map((a) => (
              <AssignmentItem key={a.id} a={a} asWritten={false} testId="assignment">
                <AssignmentTerms a={a} />
              </AssignmentItem>
            ))}
          </ul>
        </div>
      ))}
    </PlanSection>
  ));
}

/** The places inside this one (a city's counties and parks, a county's parks) that have something shown. */
function PlacesWithin({ place, onPick }: { place: string; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const { data, derived } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const within = useMemo(
    () =>
      data.places
        .filter((f) => f.id !== place && (f.properties.city === place || f.properties.county === place))
        .filter((f) => derived.summary.has(f.id)),
    [data, place, derived.summary],
  );
  if (within.length === 0) return null;
  return (
    <section className="within">
      <h3>{t('panel.placesWithin')}</h3>
      <ul className="place-list">
        {within.map((f) => (
          <li key={f.id}>
            <button type="button" onClick={() => onPick(f.id)}>
              {placeName(data, f.id, lang)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PlacePanel({ place }: { place: string }) {
  const { t } = useTranslation();
  const { data, derived } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const placeClicked = useExplorerState((s) => s.placeClicked);
  const industry = useExplorerState((s) => s.industry);
  const roles = useExplorerState((s) => s.roles);
  const level = useExplorerState((s) => s.level);
  const heading = useHeadingFocus(place);
  const profile = useMemo(
    () => placeProfileFor(data, { industry, roles, level }, place),
    [data, industry, roles, level, place],
  );
  const groups = useMemo(() => placeAssignments(data, derived.visible, place), [data, derived.visible, place]);
  const name = placeName(data, place, lang);
  const count = groups.reduce((n, g) => n + g.industries.reduce((m, i) => m + i.assignments.length, 0), 0);
  const choose = usePickPlace();
  return (
    <article className="place-panel" data-testid="place-panel" data-place={place} aria-labelledby="place-title">
      <PanelHeader id="place-title" headingRef={heading} onClose={() => placeClicked(null)}>
        {name}
      </PanelHeader>
      <PlaceFacts place={place} onPick={choose} />
      <PlaceProfileView profile={profile} onPick={choose} />
      {count === 0 ? (
        <NothingHere place={place} name={name} onPick={choose} />
      ) : (
        <p className="summary">
          {t('panel.summary', {
            assignments: t('panel.assignmentCount', { count }),
            plans: t('panel.planCount', { count: groups.length }),
          })}
        </p>
      )}
      <PlanGroups groups={groups} />
      <PlacesWithin place={place} onPick={choose} />
    </article>
  );
}
