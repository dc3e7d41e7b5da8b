/** The selected place: every visible assignment grouped by plan and industry, each with its verbatim sentence. */
import type { MouseEvent, ReactNode } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '../domain/types.ts';
import { roleColor } from '../state/colors.ts';
import { highlightRuns, placeAssignments } from '../state/selectors.ts';
import { pickState } from '../state/store.ts';
import { serializeUrl } from '../state/url.ts';
import { useExplorer, useExplorerState } from './context.tsx';
import { industryName, placeName, planName } from './names.ts';

export function Quote({ a }: { a: Assignment }) {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const industry = data.industryById.get(a.industry);
  const terms = [a.placeText, a.industryZh, ...(industry ? [industry.zh] : [])];
  return (
    <blockquote className="quote" aria-label={t('panel.quoteLabel')} lang="zh-CN">
      {highlightRuns(a.quote, terms).map((r, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: runs are positional and never reordered
        r.mark ? <mark key={i}>{r.text}</mark> : <span key={i}>{r.text}</span>,
      )}
    </blockquote>
  );
}

export function SourceLink({ a }: { a: Assignment }) {
  const { t } = useTranslation();
  const { data, store } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const target = { file: a.source.file, line: a.source.line };
  const href = serializeUrl({ ...pickState(store.getState()), source: target }, '') || '?';
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

/** One assignment as a list item: role, the industry as written, `children` (details), the quote and its citation. */
export function AssignmentItem({
  a,
  asWritten = true,
  testId,
  children,
}: {
  a: Assignment;
  asWritten?: boolean;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <li className="assignment" data-testid={testId} data-assignment={a.id}>
      <RoleBadge role={a.role} />
      {asWritten && (
        <span className="as-written" lang="zh-CN">
          {' '}
          「{a.industryZh}」
        </span>
      )}
      {children}
      <Quote a={a} />
      <SourceLink a={a} />
    </li>
  );
}

export function PlacePanel({ place }: { place: string }) {
  const { t } = useTranslation();
  const { data, derived, mapCommands } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const placeClicked = useExplorerState((s) => s.placeClicked);
  const feature = data.placeById.get(place);
  const groups = useMemo(() => placeAssignments(data, derived.visible, place), [data, derived.visible, place]);
  const name = placeName(data, place, lang);
  const props = feature?.properties;
  const cityId = props?.city && props.city !== place ? props.city : null;
  const within = useMemo(
    () =>
      data.places
        .filter((f) => f.id !== place && (f.properties.city === place || f.properties.county === place))
        .filter((f) => derived.summary.has(f.id)),
    [data, place, derived.summary],
  );
  const count = groups.reduce((n, g) => n + g.industries.reduce((m, i) => m + i.assignments.length, 0), 0);
  const choose = (id: string) => {
    placeClicked(id);
    mapCommands.current?.focusPlace(id);
  };
  return (
    <article className="place-panel" data-testid="place-panel" data-place={place} aria-labelledby="place-title">
      <header className="panel-header">
        <h2 id="place-title">{name}</h2>
        <button type="button" className="close" onClick={() => placeClicked(null)} aria-label={t('panel.close')}>
          ×
        </button>
      </header>
      <p className="muted">
        {lang === 'en' && props ? <span lang="zh-CN">{props.zh} </span> : null}
        {cityId && (
          <button type="button" className="linkish" onClick={() => choose(cityId)}>
            {t('panel.inCity', { city: placeName(data, cityId, lang) })}
          </button>
        )}
        {props?.positionPrecision ? (
          <span title={props.positionSource}> {t(`panel.position.${props.positionPrecision}`)}</span>
        ) : (
          props?.approximate && <span> {t('panel.approximate')}</span>
        )}
      </p>
      {count === 0 ? (
        <div className="nothing" data-testid="nothing-assigned">
          <p>{t('panel.nothing', { place: name })}</p>
          <p className="muted">{t('panel.nothingHint')}</p>
        </div>
      ) : (
        <p className="summary">{t('panel.summary', { count, plans: groups.length })}</p>
      )}
      {groups.map((g) => (
        <section key={g.plan} className="plan-group" data-plan={g.plan}>
          <h3>
            <span className="year">{data.planById.get(g.plan)?.year}</span> {planName(data, g.plan, lang)}
          </h3>
          {g.industries.map((ig) => (
            <div key={ig.industry} className="industry-group">
              <h4>{industryName(data, ig.industry, lang)}</h4>
              <ul>
                {ig.assignments.map((a) => (
                  <AssignmentItem
                    key={a.id}
                    a={a}
                    asWritten={a.industryZh !== data.industryById.get(a.industry)?.zh}
                    testId="assignment"
                  >
                    {a.products.length > 0 && (
                      <p>
                        <strong>{t('panel.products')}:</strong> <span lang="zh-CN">{a.products.join('、')}</span>
                      </p>
                    )}
                    {a.enterprises.length > 0 && (
                      <p>
                        <strong>{t('panel.enterprises')}:</strong> <span lang="zh-CN">{a.enterprises.join('、')}</span>
                      </p>
                    )}
                  </AssignmentItem>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
      {within.length > 0 && (
        <section className="within">
          <h3>{t('panel.placesWithin')}</h3>
          <ul className="place-list">
            {within.map((f) => (
              <li key={f.id}>
                <button type="button" onClick={() => choose(f.id)}>
                  {placeName(data, f.id, lang)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
