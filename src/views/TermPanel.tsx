/**
 * A product or company chosen in the search: every place the plans name it for, strongest role first, each with its
 * sentences (role, plan and line, the verbatim quote). The map shows the same places (derived.term → fills).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExplorerData } from '../data/load.ts';
import { roleRank, strongestRole } from '../domain/roles.ts';
import type { TermRef } from '../domain/terms.ts';
import { type Assignment, ROLES, type Role } from '../domain/types.ts';
import { termAssignments } from '../state/selectors.ts';
import type { Lang } from '../state/store.ts';
import { useExplorer, useExplorerState } from './context.tsx';
import { industryName, placeName, termInfo, termName } from './names.ts';
import { AssignmentItem, PanelHeader, RoleBadge, useHeadingFocus, usePickPlace } from './PlacePanel.tsx';

/** The products and enterprises of one assignment, in Chinese as written (with the English where the data has it). */
export function AssignmentTerms({ a }: { a: Assignment }) {
  const { t } = useTranslation();
  const lang = useExplorerState((s) => s.lang);
  // productsEn / enterprisesEn are parallel lists the English stage of the build adds; older data has none.
  const line = (label: string, zh: string[], en: readonly string[] | undefined, testId: string) => {
    if (zh.length === 0) return null;
    return (
      <p className="terms" data-testid={testId}>
        <strong>{label}:</strong>{' '}
        {zh.map((name, i) => {
          const e = en?.[i];
          const gloss = lang === 'en' && e && e !== name ? e : null;
          return (
            <span key={name}>
              {i > 0 && (lang === 'zh' ? '、' : ', ')}
              <span lang="zh-CN">{name}</span>
              {gloss && ` (${gloss})`}
            </span>
          );
        })}
      </p>
    );
  };
  return (
    <>
      {line(t('panel.products'), a.products, a.productsEn, 'assignment-products')}
      {line(t('panel.enterprises'), a.enterprises, a.enterprisesEn, 'assignment-enterprises')}
    </>
  );
}

const LEVELS = ['province', 'city', 'county', 'newarea', 'park', 'macro'];
const levelRank = (data: ExplorerData, id: string) => {
  const level = data.placeById.get(id)?.properties.level;
  return level ? LEVELS.indexOf(level) : LEVELS.length;
};

interface TermPlace {
  place: string;
  list: Assignment[];
  strongest: Role;
}

/**
 * The places of a term's assignments: strongest role first, then cities before counties and parks, then most
 * sentences, then name; each with its sentences in the order given (plan order).
 */
export function termPlaces(shown: readonly Assignment[], data: ExplorerData, lang: Lang): TermPlace[] {
  const by = new Map<string, Assignment[]>();
  for (const a of shown) by.set(a.place, [...(by.get(a.place) ?? []), a]);
  return [...by]
    .map(([place, list]) => ({ place, list, strongest: strongestRole(list.map((a) => a.role)) ?? 'supporting' }))
    .sort(
      (x, y) =>
        roleRank(x.strongest) - roleRank(y.strongest) ||
        levelRank(data, x.place) - levelRank(data, y.place) ||
        y.list.length - x.list.length ||
        placeName(data, x.place, lang).localeCompare(placeName(data, y.place, lang), 'zh'),
    );
}

/** The term's name in the other language and its other spellings, under the heading. */
function OtherNames({ term, name }: { term: TermRef; name: string }) {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const info = termInfo(data, term);
  const other = lang === 'zh' ? info?.en : info?.names[0] !== name ? info?.names[0] : null;
  const variants = (info?.names ?? []).filter((n) => n !== name && n !== other);
  if (!other && variants.length === 0) return null;
  return (
    <p className="muted">
      {other && <span lang={lang === 'zh' ? 'en' : 'zh-CN'}>{other}</span>}
      {other && variants.length > 0 && ' · '}
      {variants.length > 0 && (
        <span lang="zh-CN">{t('term.alsoWritten', { names: variants.join(lang === 'zh' ? '、' : ', ') })}</span>
      )}
    </p>
  );
}

export function TermPanel({ term }: { term: TermRef }) {
  const { t } = useTranslation();
  const { data, derived } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const termChosen = useExplorerState((s) => s.termChosen);
  // Chosen in the search: focus moves to the heading (announced; Tab continues in the panel). Not on a link's load.
  const heading = useHeadingFocus(`${term.kind}~${term.key}`);
  const info = termInfo(data, term);
  const name = termName(data, term, lang);
  const shown = derived.term ?? [];
  const all = useMemo(() => termAssignments(data, { plan: 'all', roles: [...ROLES] }, term), [data, term]);
  const places = useMemo(() => termPlaces(shown, data, lang), [shown, data, lang]);
  const pick = usePickPlace();
  return (
    <article
      className="term-panel"
      data-testid="term-panel"
      data-term={`${term.kind}~${term.key}`}
      aria-labelledby="term-title"
    >
      <PanelHeader id="term-title" headingRef={heading} onClose={() => termChosen(null)}>
        <span className="term-kind">{t(`term.kind.${term.kind}`)}</span> <span lang="zh-CN">{name}</span>
      </PanelHeader>
      <OtherNames term={term} name={name} />
      {shown.length === 0 ? (
        <p className="nothing" data-testid="nothing-assigned">
          {t('term.none', { name })}
        </p>
      ) : (
        <p className="summary" data-testid="term-summary">
          {t('term.summary', { count: shown.length, places: places.length })}
        </p>
      )}
      {all.length > shown.length && (
        <p className="muted small">{t('term.hidden', { count: all.length - shown.length })}</p>
      )}
      {places.map(({ place, list, strongest }) => (
        <section key={place} className="term-place" data-testid="term-place" data-place={place}>
          <h3>
            <button type="button" className="linkish" data-place={place} onClick={() => pick(place)}>
              {placeName(data, place, lang)}
            </button>{' '}
            <RoleBadge role={strongest} />
          </h3>
          <ul>
            {list.map((a) => (
              <AssignmentItem key={a.id} a={a} testId="assignment" highlight={info?.names}>
                <p className="muted small">{t('term.industry', { industry: industryName(data, a.industry, lang) })}</p>
                <AssignmentTerms a={a} />
              </AssignmentItem>
            ))}
          </ul>
        </section>
      ))}
      {shown.length > 0 && <p className="muted small">{t('term.how')}</p>}
    </article>
  );
}
