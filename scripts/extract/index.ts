/**
 * Extraction: from one plan's text to its assignments (plan, sentence, place, industry, role) and an audit of every
 * layout sentence. Pure: no I/O; the human decisions come from data/extraction/ (imported) and the input.
 */
import type { Assignment, AuditSentence, AuditWarning, Role } from '../../src/domain/types.ts';
import { ROLES } from '../../src/domain/types.ts';
import { findEnterprises, maskSpans } from './enterprises.ts';
import {
  combinedIndustries,
  type IndustryIndex,
  type IndustryRef,
  indexIndustries,
  leadingSubIndustry,
  placeIndustries,
  sentenceTopic,
} from './industry.ts';
import { findMentions, groupMentions, type Mention, unresolvedForms } from './mentions.ts';
import { findPassages } from './passages.ts';
import { extractProducts, ownNounProducts, type ProductContext } from './products.ts';
import { groupRole, titleRole } from './roles.ts';
import { CORRECTIONS, RULES } from './rules.ts';
import { splitSentences } from './sentences.ts';
import type { ExtractionInput, ExtractionResult } from './types.ts';

const STATUS = new RegExp(RULES.statusCue.pattern);
const DIRECTIVE_VERB = new RegExp(RULES.passages.directiveVerb);
const ANCHOR = new RegExp(RULES.passages.anchor);
const OBJECT_VERB = new RegExp(`(?:${RULES.products.objectVerb})$`);
const ANCHOR_RESOURCE = new RegExp(RULES.passages.anchorResource);
/** A role the clause gives its places (以南昌、吉安…等为中心): a layout statement even without a building verb. */
const ROLE_PREDICATE = /为(?:核心|中心|龙头|重点|主体|辅|主(?![导要]))/;

const strength = (role: Role): number => ROLES.indexOf(role);

interface Draft extends Omit<Assignment, 'id'> {
  order: number;
}

export function extractPlan(input: ExtractionInput): ExtractionResult {
  const { plan, text, gazetteer } = input;
  const index = indexIndustries(input.industries);
  const lines = text.split('\n');
  const assignments: Assignment[] = [];
  const sentences: AuditSentence[] = [];
  const warnings: AuditWarning[] = [];
  const unresolvedSeen = new Set<string>();
  const isPlace = (form: string): boolean => gazetteer.resolve(form, plan.issued) !== undefined;

  for (const passage of findPassages(lines, plan.file, index)) {
    const lineText = lines[passage.line - 1] ?? '';
    // Where an audit sentence stands and in which passage; its status and assignments are filled in below.
    const sentenceBase = (span: { start: number; end: number; text: string }) => ({
      line: passage.line,
      start: span.start,
      end: span.end,
      text: span.text,
      passage: passage.kind,
      sectionIndustry: passage.section?.id || passage.section?.zh || null,
    });
    if (passage.kind === 'status-column') {
      // Listed so the audit accounts for them, with the reason they give no assignment.
      for (const span of splitSentences(lineText)) {
        sentences.push({
          ...sentenceBase(span),
          status: 'status',
          assignments: [],
          reason: 'in a ◆产业现状 column: describes the present state, not a plan',
        });
      }
      continue;
    }
    const isLayout = passage.kind !== 'directive';
    let topic: IndustryRef | null = null;
    let title: Role | null = null;
    let lineCity: string | null = null;

    for (const span of splitSentences(lineText)) {
      if (span.bullet) title = titleRole(span.text);
      const foundTopic = sentenceTopic(span.text, index);
      // A topic that is just the section's own industry (生物医药及大健康。) does not hide a sub-industry.
      if (foundTopic) topic = foundTopic.id === passage.section?.id ? null : foundTopic;

      const enterpriseSpans = findEnterprises(span.text, isPlace);
      const masked = maskSpans(span.text, enterpriseSpans);
      const corrections = CORRECTIONS.filter(
        (c) => c.file === plan.file && c.line === passage.line && span.text.includes(c.sentence),
      );
      const skip = new Set(corrections.filter((c) => c.action === 'skipPlace').map((c) => c.placeText));
      const mentions: Mention[] = findMentions(masked, gazetteer, plan.issued, lineCity)
        .filter((m) => !skip.has(m.text))
        .map((m): Mention => {
          const fix = corrections.find((c) => c.action === 'place' && c.placeText === m.text && c.place);
          const place = fix?.place ? gazetteer.byId(fix.place) : undefined;
          return place ? { ...m, place } : m;
        });
      const lastCity: Mention | undefined = [...mentions].reverse().find((m) => m.place.level === 'city');
      if (lastCity) lineCity = lastCity.place.id;

      const audit: AuditSentence = {
        ...sentenceBase(span),
        status: 'other',
        assignments: [],
        reason: null,
      };

      // Industries the sentence is about.
      let industries: IndustryRef[] = [];
      const forced = corrections.find((c) => c.action === 'industry');
      if (forced?.industry) {
        industries = [{ id: forced.industry, zh: index.byId.get(forced.industry)?.zh ?? forced.industry }];
      } else if (passage.section && passage.section.id === '' && hasCombinedKeyword(passage.section.zh, masked)) {
        industries = combinedIndustries(passage.section.zh, masked, index);
      } else if (topic) {
        industries = [topic];
      } else if (passage.section && passage.section.id === '') {
        industries = combinedIndustries(passage.section.zh, masked, index);
      } else if (passage.section) {
        const firstAt = mentions[0]?.start ?? masked.length;
        industries = [leadingSubIndustry(masked, firstAt, passage.section, index) ?? passage.section];
      }

      const drop = corrections.find((c) => c.action === 'drop');
      const status = STATUS.test(span.text);
      // Outside industry sections, a place phrase may name its own industry (鹰潭铜产业基地, 南昌航空工业城).
      const local = industries.length === 0 && !forced ? localIndustries(masked, mentions, index) : null;
      // Inside a section, a list whose phrase names a sub-industry of the sentence's industry takes it
      // (…赣州经济技术开发区等零部件产业集群为配套 in 汽车及零部件 → 汽车零部件).
      const narrowed = local === null && !forced ? subIndustryPhrases(masked, mentions, industries, index) : null;
      const hasIndustry = industries.length > 0 || (local !== null && local.size > 0);
      if (!isLayout && (mentions.length === 0 || !hasIndustry || status || drop)) continue;
      if (
        !isLayout &&
        !mentions.some((m) => {
          const clause = clauseAround(masked, m);
          if (DIRECTIVE_VERB.test(clause) || ROLE_PREDICATE.test(clause)) return true;
          // An existing base the plan builds on (依托X基地…建设…; 以X…为基础，加快发展…): a tie, unless it is a resource.
          const rest = masked.slice(masked.indexOf(clause) + clause.length);
          return ANCHOR.test(clause) && !ANCHOR_RESOURCE.test(clause) && DIRECTIVE_VERB.test(rest);
        })
      )
        continue;

      const forms = [
        ...mentions.flatMap((m) => (m.unresolved ? [m.unresolved] : [])),
        ...unresolvedForms(masked, mentions),
      ];
      for (const form of forms) {
        const key = `${passage.line}:${form}`;
        if (unresolvedSeen.has(key)) continue;
        unresolvedSeen.add(key);
        warnings.push({
          file: plan.file,
          line: passage.line,
          message: `place-like form "${form}" is not in the gazetteer (plan ${plan.id}, ${plan.issued})`,
        });
      }

      if (drop) {
        audit.reason = drop.reason;
        sentences.push(audit);
        continue;
      }
      if (status) {
        audit.status = 'status';
        audit.reason = 'describes the present state (achievement or 现状), not a plan';
        sentences.push(audit);
        continue;
      }
      if (mentions.length === 0) {
        audit.status = 'no-place';
        audit.reason = 'names no place';
        sentences.push(audit);
        continue;
      }
      if (!hasIndustry) {
        audit.status = 'no-industry';
        audit.reason = 'names places but sits in no industry section and names no industry';
        sentences.push(audit);
        continue;
      }

      const drafts = draftAssignments(
        plan.id,
        plan.file,
        passage.line,
        span,
        masked,
        mentions,
        industries,
        enterpriseSpans,
        title,
        local,
        narrowed,
        index,
      );
      if (drafts.length === 0) {
        audit.status = 'no-industry';
        audit.reason = 'names places, but none of them with an industry (outside any industry section)';
        sentences.push(audit);
        continue;
      }
      for (const c of corrections.filter((c) => c.action === 'role' && c.role)) {
        for (const d of drafts) if (d.placeText === c.placeText && c.role) d.role = c.role;
      }
      for (const d of drafts) {
        const { order: _order, ...rest } = d;
        const id = `${plan.id}:${d.source.line}:${d.source.start}:${d.place}:${d.industry}`;
        assignments.push({ id, ...rest });
        audit.assignments.push(id);
      }
      audit.status = 'assigned';
      sentences.push(audit);
    }
  }

  const places = new Set(assignments.map((a) => a.place));
  return {
    assignments,
    audit: {
      plan: plan.id,
      file: plan.file,
      sentences,
      counts: {
        sentences: sentences.length,
        assigned: sentences.filter((s) => s.status === 'assigned').length,
        assignments: assignments.length,
        places: places.size,
        unresolved: warnings.length,
      },
    },
    warnings,
  };
}

function hasCombinedKeyword(title: string, text: string): boolean {
  const spec = RULES.combinedSections[title];
  return typeof spec === 'object' && Object.values(spec).some((words) => words.some((w) => text.includes(w)));
}

/** Where the first clause of a sentence ends (its first ，。；), or the sentence length. */
function firstClauseEnd(text: string): number {
  const at = text.search(/[，。；]/);
  return at < 0 ? text.length : at;
}

/** For each mention, the industries its own phrase names (see placeIndustries); null entries are left out. */
function localIndustries(masked: string, mentions: Mention[], index: IndustryIndex): Map<Mention, IndustryRef[]> {
  const out = new Map<Mention, IndustryRef[]>();
  const groups = groupMentions(masked, mentions);
  groups.forEach((group, g) => {
    const last = group[group.length - 1];
    if (!last) return;
    const tail = masked.slice(last.end, groups[g + 1]?.[0]?.start ?? masked.length);
    for (const m of group) {
      const found = placeIndustries(tail, m.text, index);
      if (found.length > 0) out.set(m, found);
    }
  });
  return out;
}

/**
 * For a sentence about one industry, the mentions whose own phrase (placeIndustries) names only sub-industries of it:
 * those places get the sub-industry instead. Phrases naming the industry itself or another one change nothing.
 */
function subIndustryPhrases(
  masked: string,
  mentions: Mention[],
  industries: IndustryRef[],
  index: IndustryIndex,
): Map<Mention, IndustryRef[]> | null {
  const only = industries.length === 1 ? industries[0] : undefined;
  if (!only) return null;
  const out = new Map<Mention, IndustryRef[]>();
  for (const [m, found] of localIndustries(masked, mentions, index)) {
    if (found.length > 0 && found.every((f) => index.byId.get(f.id)?.parent === only.id)) out.set(m, found);
  }
  return out.size > 0 ? out : null;
}

/** The clause (between ，。；) that holds a mention. */
function clauseAround(text: string, m: Mention): string {
  const before = text.slice(0, m.start);
  const from = Math.max(before.lastIndexOf('，'), before.lastIndexOf('。'), before.lastIndexOf('；')) + 1;
  const rest = text.slice(m.end);
  const cut = rest.search(/[，。；]/);
  return text.slice(from, cut < 0 ? text.length : m.end + cut);
}

function draftAssignments(
  planId: string,
  file: string,
  line: number,
  span: { start: number; end: number; text: string },
  masked: string,
  mentions: Mention[],
  industries: IndustryRef[],
  enterpriseSpans: { start: number; end: number; text: string }[],
  bulletTitle: Role | null,
  local: Map<Mention, IndustryRef[]> | null,
  narrowed: Map<Mention, IndustryRef[]> | null,
  index: IndustryIndex,
): Draft[] {
  const groups = groupMentions(masked, mentions);
  // A sentence that opens with its bullet title (核心区：…) is scoped by it, most strongly in the clause the title opens;
  // later sentences of the bullet inherit it as a fallback.
  const ownTitle = /^[^：:，。]{1,6}[：:]/.test(span.text) ? titleRole(span.text) : null;
  const title = ownTitle ?? bulletTitle;
  const titleClauseEnd = ownTitle ? firstClauseEnd(masked) : -1;
  const byKey = new Map<string, Draft>();
  let order = 0;
  // The industries of the rows (the sentence's, or those the places' own phrases name) are not their products.
  const rowIndustries = [...industries, ...[...(local?.values() ?? []), ...(narrowed?.values() ?? [])].flat()];
  const productsOf = groupProducts(masked, groups, {
    industryForms: industryForms(rowIndustries, index),
    // Only aliases that are parts of the industry's name (大数据、云计算 of 大数据与云计算), not sub-lines (饮料 of 食品).
    industryAliases: rowIndustries.flatMap((r) => {
      const industry = index.byId.get(r.id);
      return (industry?.aliases ?? []).filter((a) => industry?.zh.includes(a) || r.zh.includes(a));
    }),
    placeForms: mentions.map((m) => m.text),
  });
  groups.forEach((group, g) => {
    const first = group[0];
    const last = group[group.length - 1];
    if (!first || !last) return;
    const nextStart = groups[g + 1]?.[0]?.start ?? masked.length;
    const prevEnd = groups[g - 1]?.at(-1)?.end ?? 0;
    const after = masked.slice(last.end, nextStart);
    const before = masked.slice(prevEnd, first.start);
    const { role } = groupRole(after, masked, title, before, first.start < titleClauseEnd);
    const products = productsOf.get(g) ?? [];
    // Enterprises named between this group and the next belong to it; those before the first place to the first.
    // With several lists in a sentence, a company more than one clause away is not the list's (001 line 100: the
    // tungsten companies after …为支撑，规划建设…，重点扶持 are the province's, not the supporting parks').
    const enterprises = enterpriseSpans
      .filter(
        (e) =>
          (e.start >= last.end &&
            e.start < nextStart &&
            (groups.length === 1 || (masked.slice(last.end, e.start).match(/[，；：]/g) ?? []).length <= 1)) ||
          (g === 0 && e.start < first.start),
      )
      .map((e) => e.text);
    for (const m of group) {
      for (const industry of local ? (local.get(m) ?? []) : (narrowed?.get(m) ?? industries)) {
        const key = `${m.place.id}|${industry.id}`;
        const existing = byKey.get(key);
        if (existing) {
          if (strength(role) < strength(existing.role)) {
            existing.role = role;
            existing.placeText = m.text;
          }
          existing.products = [...new Set([...existing.products, ...products])];
          existing.enterprises = [...new Set([...existing.enterprises, ...enterprises])];
          continue;
        }
        byKey.set(key, {
          order: order++,
          plan: planId,
          place: m.place.id,
          industry: industry.id,
          industryZh: industry.zh,
          placeText: m.text,
          role,
          products: [...products],
          enterprises: [...enterprises],
          quote: span.text,
          source: { file, line, start: span.start, end: span.end },
        });
      }
    }
  });
  return [...byKey.values()].sort((a, b) => a.order - b.order);
}

/** The industry's own names, which are not products of it (新余重点发展锂电产业 → none): zh, written form, parent. */
function industryForms(industries: readonly IndustryRef[], index: IndustryIndex): string[] {
  const out = new Set<string>();
  for (const ref of industries) {
    out.add(ref.zh);
    const industry = index.byId.get(ref.id);
    if (!industry) continue;
    out.add(industry.zh);
    const parent = industry.parent ? index.byId.get(industry.parent) : undefined;
    if (parent) out.add(parent.zh);
  }
  return [...out];
}

/**
 * Products per place list (group index), read clause by clause (docs/extraction.md, "Products and enterprises"):
 * a list keeps the products of its own clause (南昌重点提升…，鹰潭重点提升…) and of the place-less clauses after it;
 * lists that only get a role (以南昌为重点，九江、吉安等地联动，…重点突破…芯片) share the place-less clauses after them;
 * products before the first list belong to every list.
 */
function groupProducts(masked: string, groups: Mention[][], ctx: ProductContext): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const add = (g: number, items: readonly string[]) => {
    if (items.length === 0) return;
    out.set(g, [...new Set([...(out.get(g) ?? []), ...items])]);
  };
  const clauseEnd = (from: number): number => {
    const at = masked.slice(from).search(/[，。；：]/);
    return at < 0 ? masked.length : from + at + 1;
  };
  const firstStart = groups[0]?.[0]?.start ?? masked.length;
  const head = extractProducts(masked.slice(0, firstStart), ctx);
  let roleOnly: number[] = [];
  let subject: number | null = null;
  // A list that opens its clause (南昌重点…, 以南昌为重点) is the clause's subject; one after a verb (充分发挥赣州…的优势)
  // is an object, and the place-less clauses after it are not about it. Without any subject list, a sentence that opens
  // with its places (依托南昌、宜春…五大产业集聚区，以…为引领) still gives its clauses to them.
  const subjectLike = (g: number): boolean => {
    const at = groups[g]?.[0]?.start ?? 0;
    const before = masked.slice(0, at);
    const from =
      Math.max(before.lastIndexOf('，'), before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf('：')) +
      1;
    // The words before the clause's first list decide for every list of the clause (充分发挥赣州…、九江…的优势).
    const clauseFirst = groups.find((other) => (other[0]?.start ?? 0) >= from)?.[0]?.start ?? at;
    return !OBJECT_VERB.test(masked.slice(from, Math.min(clauseFirst, at)));
  };
  const headless = /^[^，。；：]{0,4}$/.test(masked.slice(0, firstStart));
  let joined: number[] = [];
  let pos = 0;
  groups.forEach((group, g) => {
    const first = group[0];
    const last = group.at(-1);
    if (!first || !last) return;
    // Place-less clauses between the previous list's clause and this one continue the current subject.
    if (first.start > pos) {
      const between = masked.slice(pos, first.start);
      const cut = Math.max(between.lastIndexOf('，'), between.lastIndexOf('；'), between.lastIndexOf('：'));
      if (cut >= 0 && pos > 0) shareTail(masked.slice(pos, pos + cut + 1));
    }
    const nextStart = groups[g + 1]?.[0]?.start ?? masked.length;
    const end = Math.min(nextStart, clauseEnd(last.end));
    const own = masked.slice(last.end, end);
    const listJoin = end === nextStart && /(?:、|和|及)$/.test(own);
    const items = [...extractProducts(own, ctx), ...ownNounProducts(own, listJoin, ctx)];
    add(g, head);
    // 沙河工业园（水西有色基地）、定南工业园重点发展…: a list broken only by a parenthesis goes on.
    if (/^(?:（[^）]*）|[（）])?(?:、|和|及)?$/.test(own) && end === nextStart && g + 1 < groups.length) {
      joined.push(g);
      pos = end;
      return;
    }
    if (items.length > 0) {
      for (const j of [...joined, g]) add(j, items);
      joined = [];
      subject = g;
      roleOnly = [];
    } else {
      roleOnly.push(...joined, g);
      joined = [];
      subject = null;
    }
    pos = end;
  });
  shareTail(masked.slice(pos));
  return out;

  function shareTail(text: string): void {
    if (text.length === 0) return;
    const items = extractProducts(text, ctx);
    if (items.length === 0) return;
    if (subject !== null) {
      if (subjectLike(subject)) add(subject, items);
      return;
    }
    const subjects = roleOnly.filter(subjectLike);
    for (const g of subjects.length > 0 ? subjects : headless ? roleOnly : []) add(g, items);
  }
}
