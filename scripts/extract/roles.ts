import type { Role } from '../../src/domain/types.ts';
import { RULES } from './rules.ts';

const ORDER: Role[] = ['supporting', 'core', 'focus'];
const cueSet = (set: Record<Role, string>, anchored: boolean): [Role, RegExp][] =>
  ORDER.map((role) => [
    role,
    new RegExp(
      set[role]
        .split('|')
        .filter((alt) => alt.startsWith('^') === anchored)
        .join('|') || '(?!)',
      'g',
    ),
  ]);
const PREDICATE_ANCHORED = cueSet(RULES.roleCues.predicate, true);
const PREDICATE = cueSet(RULES.roleCues.predicate, false);
const CLAUSE = cueSet(RULES.roleCues.clause, false);
const TITLE_CORE = new RegExp(RULES.roleCues.title.core);
const TITLE_SUPPORTING = new RegExp(RULES.roleCues.title.supporting);
const SHAPES = RULES.roleCues.shapes;
const PREDICATE_AFTER = new RegExp(SHAPES.predicate);
const MAIN_OF = new RegExp(SHAPES.mainOf);
const MAIN_OF_LEAD = new RegExp(SHAPES.mainOfLead);
const LIST_VERB_AFTER = new RegExp(SHAPES.listVerbAfter);
const LIST_VERB_BEFORE = new RegExp(SHAPES.listVerbBefore);
const GIVES_SUPPORT = new RegExp(SHAPES.givesSupport);

/**
 * The role a cue phrase names, or null. `predicate`: the words after 为 (核心区, 重点区域, 辅, 主);
 * otherwise a clause, read with the stricter clause cues. The first cue in the text wins.
 */
export function classifyCue(phrase: string, predicate = true): Role | null {
  if (predicate) {
    for (const [role, re] of PREDICATE_ANCHORED) {
      re.lastIndex = 0;
      if (re.test(phrase)) return role;
    }
  }
  let best: { role: Role; at: number } | null = null;
  for (const [role, re] of predicate ? PREDICATE : CLAUSE) {
    re.lastIndex = 0;
    const m = re.exec(phrase);
    if (m && (!best || m.index < best.at)) best = { role, at: m.index };
  }
  return best?.role ?? null;
}

/** Bullet titles that scope their bullet: --核心区： / --辐射区： / --扩大区：. */
export function titleRole(sentence: string): Role | null {
  const m = /^([^：:，。]{1,6})[：:]/.exec(sentence);
  if (!m?.[1]) return null;
  if (TITLE_CORE.test(m[1])) return 'core';
  if (TITLE_SUPPORTING.test(m[1])) return 'supporting';
  return null;
}

/** Enterprise spans are masked as □; "以□□为核心/龙头/重点" is about the company, not the place. */
const ENTERPRISE_PREDICATE = new RegExp(SHAPES.enterprisePredicate, 'g');

export interface RoleDecision {
  role: Role;
  /** Which rule decided: 'predicate' (为…), 'list-verb' (…协同/联动), 'title', 'clause', 'sentence', 'default'. */
  by: string;
}

/**
 * The role of a group of places (a list such as 南昌、九江和宜春) in a sentence.
 * `after` is the text from the end of the group to the start of the next group (or the sentence end).
 * `title` is the role of the bullet the sentence sits in (--核心区： / --扩大区：); `inTitleClause` says whether the
 * group is in the clause the title opens (核心区：以南昌工业发展集聚区为主要载体，). There the title outranks a weak
 * focus predicate (为主要载体/平台); in later clauses and sentences of the bullet a place keeps its own cue
 * (南昌小蓝经济开发区重点发展… → focus) and takes the title only when it has none.
 */
export function groupRole(
  after: string,
  sentence: string,
  title: Role | null,
  before = '',
  inTitleClause = title !== null,
): RoleDecision {
  // 以X为主, 以X等地为…, 以南昌地区为主: the words after 为 give the role.
  const predicate = PREDICATE_AFTER.exec(after);
  // 为主的 is a predicate only in 以…为主的 (以南昌地区为主的乳制品加工业); …京九线为主的生猪基地 just describes the bases.
  if (predicate && !(MAIN_OF.test(predicate[1] ?? '') && !MAIN_OF_LEAD.test(before))) {
    const role = classifyCue(predicate[1] ?? '');
    if (role && !(role === 'focus' && title && inTitleClause)) return { role, by: 'predicate' };
  }
  if (LIST_VERB_AFTER.test(after)) return { role: 'supporting', by: 'list-verb' };
  if (LIST_VERB_BEFORE.test(before)) return { role: 'supporting', by: 'list-verb' };
  if (title && inTitleClause) return { role: title, by: 'title' };
  const clause = (after.split(/[，。；]/)[0] ?? '').replace(ENTERPRISE_PREDICATE, '');
  const byClause = classifyCue(clause, false);
  if (byClause) return { role: byClause, by: 'clause' };
  if (title) return { role: title, by: 'title' };
  if (GIVES_SUPPORT.test(sentence)) return { role: 'supporting', by: 'sentence' };
  return { role: 'focus', by: 'default' };
}
