/**
 * The place profile (top of the place panel) and the industry profile ("where is X backed?"). Both read the pure
 * summaries of src/analysis/profiles.ts through src/state/profiles.ts and say how their figures are counted.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndustryProfile, PlaceProfile } from '../analysis/profiles.ts';
import { ROLES, type Role } from '../domain/types.ts';
import { planLabels } from '../state/planner.ts';
import { industryProfileFor, planAssignsNothing } from '../state/profiles.ts';
import { TermList, termEn } from './bilingual.tsx';
import { useExplorer, useExplorerState } from './context.tsx';
import { industryName, placeName, planName } from './names.ts';
import { planEmptyText, RoleBadge, usePickPlace } from './PlacePanel.tsx';

/** A role as a small filled mark: abbreviation visible, the word for screen readers. */
function RoleMark({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <span className={`abbr-key role-${role}`} data-role={role}>
      <span aria-hidden="true">{t(`matrix.abbr.${role}`)}</span>
      <span className="visually-hidden">{t(`role.${role}`)}</span>
    </span>
  );
}

function list(lang: 'zh' | 'en', items: string[]): string {
  return items.join(lang === 'zh' ? '、' : ', ');
}

/** Products or enterprises, shortened to a few with "… and N more" (the cards below carry all of them). */
function Names({ label, items, testId }: { label: string; items: string[]; testId: string }) {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  if (items.length === 0) return null;
  // Products and enterprises in the reader's language (the data's English, src/views/bilingual.tsx).
  const shown = items.slice(0, 8).map((term) => (lang === 'en' ? termEn(data, term) : term));
  return (
    <p className="profile-names" data-testid={testId}>
      <strong>{label}:</strong> <TermList items={shown} />
      {items.length > shown.length && (
        <span className="muted"> {t('profile.more', { count: items.length - shown.length })}</span>
      )}
    </p>
  );
}

/** One sentence: how many industries in how many plans, and the strongest role with its industries. */
function PlaceProfileSummary({ profile }: { profile: PlaceProfile }) {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const strongest = profile.strongest;
  return (
    <p className="profile-summary" data-testid="place-profile-summary">
      {t('placeProfile.summary', {
        count: profile.rows.length,
        plans: profile.plans.length,
        total: data.plans.length,
      })}
      {strongest && (
        <>
          {' '}
          {t('placeProfile.strongest', {
            role: t(`role.${strongest}`),
            industries: list(
              lang,
              profile.strongestIndustries.slice(0, 4).map((i) => industryName(data, i, lang)),
            ),
          })}
          {profile.strongestIndustries.length > 4 &&
            ` ${t('profile.more', { count: profile.strongestIndustries.length - 4 })}`}
        </>
      )}
    </p>
  );
}

/** Industries × plans: each plan's role for the industry here, and in how many plans it is. */
function PlaceProfileGrid({ profile }: { profile: PlaceProfile }) {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const short = useMemo(() => planLabels(data, true), [data]);
  return (
    <div className="profile-scroll">
      <table className="profile-grid" data-testid="place-profile-grid">
        <caption className="visually-hidden">
          {t('placeProfile.caption', { place: placeName(data, profile.place, lang) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('profile.industryCol')}</th>
            {data.plans.map((p) => (
              <th key={p.id} scope="col" title={planName(data, p.id, lang)}>
                <span aria-hidden="true">{short.get(p.id)}</span>
                <span className="visually-hidden">
                  {p.year} {planName(data, p.id, lang)}
                </span>
              </th>
            ))}
            <th scope="col" title={t('profile.plansHelp')}>
              {t('profile.plansCol')}
            </th>
          </tr>
        </thead>
        <tbody>
          {profile.rows.map((r) => (
            <tr key={r.industry} data-industry={r.industry} data-plans={r.plans.length} data-role={r.strongest}>
              <th scope="row">{industryName(data, r.industry, lang)}</th>
              {data.plans.map((p) => {
                const role = r.byPlan[p.id];
                return (
                  <td key={p.id} data-plan={p.id}>
                    {role ? <RoleMark role={role} /> : <span className="visually-hidden">{t('matrix.emptyCell')}</span>}
                  </td>
                );
              })}
              <td className="n">{r.plans.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The parks in the place, each with its strongest role and number of industries. */
function ProfileParks({ parks, onPick }: { parks: PlaceProfile['parks']; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  return (
    <div className="profile-parks" data-testid="place-profile-parks">
      <strong>{t('placeProfile.parks')}:</strong>{' '}
      <ul className="inline-list">
        {parks.map((p) => (
          <li key={p.place}>
            <button type="button" className="linkish" data-place={p.place} onClick={() => onPick(p.place)}>
              {placeName(data, p.place, lang)}
            </button>{' '}
            <span className="muted">
              ({t(`role.${p.strongest}`)}, {t('panel.industryCount', { count: p.industries })})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function PlaceProfileView({ profile, onPick }: { profile: PlaceProfile; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  if (profile.rows.length === 0 && profile.parks.length === 0) return null;
  return (
    <section className="profile place-profile" data-testid="place-profile">
      <h3 id="place-profile-title" className="visually-hidden">
        {t('placeProfile.heading')}
      </h3>
      <PlaceProfileSummary profile={profile} />
      {profile.rows.length > 0 && <PlaceProfileGrid profile={profile} />}
      {profile.parks.length > 0 && <ProfileParks parks={profile.parks} onPick={onPick} />}
      <Names label={t('panel.products')} items={profile.products} testId="place-profile-products" />
      <Names label={t('panel.enterprises')} items={profile.enterprises} testId="place-profile-enterprises" />
      <p className="muted small">{t('placeProfile.how')}</p>
    </section>
  );
}

type Entry = IndustryProfile['entries'][number];

/** The places of each role (strongest first; roles without places left out), each place with its role. */
function byRole<T extends { role: Role }>(entries: readonly T[]): { role: Role; here: T[] }[] {
  return ROLES.map((role) => ({ role, here: entries.filter((e) => e.role === role) })).filter((g) => g.here.length);
}

/** One place of the industry: how persistently the plans name it, its role per plan, its parks, products, firms. */
function IndustryPlace({ e, total, onPick }: { e: Entry; total: number; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  return (
    <li data-testid="industry-place" data-entry={e.place} data-plans={e.plans.length}>
      <button type="button" data-place={e.place} onClick={() => onPick(e.place)}>
        {placeName(data, e.place, lang)}
      </button>{' '}
      <span className="muted small">
        {t('industryProfile.persistence', {
          n: e.plans.length,
          total,
          latest: data.planById.get(e.latest)?.year ?? '',
        })}
      </span>
      <span className="plan-marks" aria-hidden="true">
        {data.plans.map((p) => {
          const role = e.byPlan[p.id];
          return role ? (
            <RoleMark key={p.id} role={role} />
          ) : (
            <span key={p.id} className="abbr-key none">
              ·
            </span>
          );
        })}
      </span>
      {e.parks.length > 0 && (
        <p className="small">
          {t('industryProfile.parks')}:{' '}
          {e.parks.map((id, i) => (
            <span key={id}>
              {i > 0 && (lang === 'zh' ? '、' : ', ')}
              <button type="button" className="linkish" data-place={id} onClick={() => onPick(id)}>
                {placeName(data, id, lang)}
              </button>
            </span>
          ))}
        </p>
      )}
      <Names label={t('panel.products')} items={e.products} testId="industry-products" />
      <Names label={t('panel.enterprises')} items={e.enterprises} testId="industry-enterprises" />
    </li>
  );
}

/** "Where is X backed?": the places of an industry ranked by role and persistence, under the current filters. */
export function IndustryProfileView({ industry }: { industry: string }) {
  const { t } = useTranslation();
  const { data, derived } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const roles = useExplorerState((s) => s.roles);
  const plan = useExplorerState((s) => s.plan);
  // With one plan chosen, only the places that plan names, by their role in it; persistence still counts all plans.
  const shown = useMemo(() => new Set(derived.summary.keys()), [derived.summary]);
  const profile = useMemo(() => industryProfileFor(data, { industry, roles }, shown), [data, industry, roles, shown]);
  const groups = useMemo(
    () =>
      byRole(
        profile.entries.map((entry) => ({
          entry,
          role: plan === 'all' ? entry.strongest : (derived.summary.get(entry.place)?.strongest ?? entry.strongest),
        })),
      ),
    [profile, derived.summary, plan],
  );
  const n = profile.plans.length;
  const name = industryName(data, industry, lang);
  const pick = usePickPlace();
  // Per role: up to five places with the number of plans that name them.
  const summary = groups.map(({ role, here }) => {
    const names = here
      .slice(0, 5)
      .map(({ entry }) =>
        t('industryProfile.ofPlans', { place: placeName(data, entry.place, lang), n: entry.plans.length, total: n }),
      );
    const rest = here.length > 5 ? ` ${t('profile.more', { count: here.length - 5 })}` : '';
    return `${t(`role.${role}`)}${lang === 'zh' ? '：' : ': '}${list(lang, names)}${rest}`;
  });
  return (
    <article className="industry-view" data-testid="industry-view" data-industry={industry}>
      <h2 tabIndex={-1}>{t('industryView.heading', { industry: name })}</h2>
      {groups.length === 0 ? (
        <p data-testid="nothing-assigned">
          {planAssignsNothing(data, plan)
            ? planEmptyText(t, data, plan, lang)
            : t('industryView.none', { industry: name })}
        </p>
      ) : (
        <p className="profile-summary" data-testid="industry-summary">
          {summary.join(' · ')}
        </p>
      )}
      {groups.map(({ role, here }) => (
        <section key={role} data-role={role}>
          <h3>
            <RoleBadge role={role} /> <span className="count">{here.length}</span>
          </h3>
          <ol className="industry-places">
            {here.map(({ entry }) => (
              <IndustryPlace key={entry.place} e={entry} total={n} onPick={pick} />
            ))}
          </ol>
        </section>
      ))}
      {groups.length > 0 && <p className="muted small">{t('industryProfile.how', { total: n })}</p>}
    </article>
  );
}
