/**
 * Extraction: from one plan's text to its assignments (plan, sentence, place, industry, role) and an audit of every
 * layout sentence. Pure: no I/O; the human decisions come from data/extraction/ (imported) and the input.
 */
import type {
  ExtractedAssignment as Assignment,
  ExtractedAuditSentence as AuditSentence,
  AuditWarning,
  Role,
} from '../../src/domain/types.ts';
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
import { extractProducts } from './products.ts';
import { groupRole, titleRole } from './roles.ts';
import { CORRECTIONS, RULES } from './rules.ts';
import { splitSentences } from './sentences.ts';
import type { ExtractionInput, ExtractionResult } from './types.ts';

const STATUS = new RegExp(RULES.statusCue.pattern);
const DIRECTIVE_VERB = new RegExp(RULES.passages.directiveVerb);
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

      const enterpriseSpans = findEnterprises(span.text);
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
          return DIRECTIVE_VERB.test(clause) || ROLE_PREDICATE.test(clause);
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
  narrowed: Map<Mention, IndustryRef[]> | null = null,
): Draft[] {
  const groups = groupMentions(masked, mentions);
  // A sentence that opens with its bullet title (核心区：…) is scoped by it, most strongly in the clause the title opens;
  // later sentences of the bullet inherit it as a fallback.
  const ownTitle = /^[^：:，。]{1,6}[：:]/.test(span.text) ? titleRole(span.text) : null;
  const title = ownTitle ?? bulletTitle;
  const titleClauseEnd = ownTitle ? firstClauseEnd(masked) : -1;
  const byKey = new Map<string, Draft>();
  let order = 0;
  groups.forEach((group, g) => {
    const first = group[0];
    const last = group[group.length - 1];
    if (!first || !last) return;
    const nextStart = groups[g + 1]?.[0]?.start ?? masked.length;
    const prevEnd = groups[g - 1]?.at(-1)?.end ?? 0;
    const after = masked.slice(last.end, nextStart);
    const before = masked.slice(prevEnd, first.start);
    const { role } = groupRole(after, masked, title, before, first.start < titleClauseEnd);
    let products = extractProducts(after);
    // The first list takes the sentence's trailing products when it has none of its own, unless the later places carry
    // their own (宜春重点发展高安的水轮发电机…，樟树的起重机: those are 高安's and 樟树's, 001 line 274).
    const nested = groups.slice(1).some((later) => masked.startsWith('的', later.at(-1)?.end ?? 0));
    if (products.length === 0 && g === 0 && !nested) {
      const tailFrom = groups.at(-1)?.at(-1)?.end ?? last.end;
      products = extractProducts(masked.slice(tailFrom));
    }
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
