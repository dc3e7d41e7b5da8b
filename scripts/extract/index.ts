/**
 * Extraction: from one plan's text to its assignments (plan, sentence, place, industry, role) and an audit of every
 * layout sentence. Pure: no I/O; the human decisions come from data/extraction/ (imported) and the input.
 */

import { isStrongerRole } from '../../src/domain/roles.ts';
import type {
  ExtractedAssignment as Assignment,
  ExtractedAuditSentence as AuditSentence,
  AuditWarning,
  Role,
} from '../../src/domain/types.ts';
import { findEnterprises, maskSpans } from './enterprises.ts';
import {
  combinedIndustries,
  type IndustryIndex,
  type IndustryRef,
  indexIndustries,
  leadingSubIndustry,
  placeIndustries,
  type Section,
  sectionIndustry,
  sentenceTopic,
} from './industry.ts';
import { findMentions, groupMentions, type Mention, unresolvedForms } from './mentions.ts';
import { findPassages, type PassageLine } from './passages.ts';
import { extractProducts, ownNounProducts, type ProductContext, productsIn } from './products.ts';
import { groupRole, titleRole } from './roles.ts';
import { CORRECTIONS, type Correction, RULES } from './rules.ts';
import { splitSentences } from './sentences.ts';
import type { ExtractionInput, ExtractionResult } from './types.ts';

const STATUS = new RegExp(RULES.statusCue.pattern);
const DIRECTIVE_VERB = new RegExp(RULES.passages.directiveVerb);
const ANCHOR = new RegExp(RULES.passages.anchor);
const OBJECT_VERB = new RegExp(`(?:${RULES.products.objectVerb})$`);
const ANCHOR_RESOURCE = new RegExp(RULES.passages.anchorResource);
/** A role the clause gives its places (以南昌、吉安…等为中心): a layout statement even without a building verb. */
const ROLE_PREDICATE = new RegExp(RULES.passages.rolePredicate);

interface Draft extends Omit<Assignment, 'id'> {
  order: number;
}

const SUB_LINE_ALIASES = new Set(RULES.products.subLineAliases);
const LIST_END = new RegExp(RULES.products.listEnd);
const LIST_CONTINUES = new RegExp(RULES.products.listContinues);
const MEMBERS_LEAD = new RegExp(RULES.products.membersLead);
const INDUSTRY_WORD_END = new RegExp(`${RULES.products.industryWord}$`);
/** A sub-line alias named right after a list (推进南昌、景德镇通航产业发展), one pattern per alias. */
const SUB_LINE_AFTER_LIST = [...SUB_LINE_ALIASES].map(
  (a) => [a, new RegExp(`^${RULES.products.subLineLead}${a}${RULES.products.industryWord}`)] as const,
);
const ENTERPRISE_ACTS = new RegExp(`^(?:${RULES.enterprise.acts})`);
const FAR_ANCHOR = new RegExp(`^(?:${RULES.enterprise.farAnchor})`);
const ANCHOR_BEFORE = new RegExp(`(?:${RULES.enterprise.anchorBefore})$`);
const ANCHOR_AFTER = new RegExp(`^(?:${RULES.enterprise.anchorAfter})`);
/** A company named as the anchor of what follows (以E为龙头, 依托E的优势). */
const isAnchor = (text: string, e: { start: number; end: number }): boolean =>
  ANCHOR_BEFORE.test(text.slice(0, e.start)) || ANCHOR_AFTER.test(text.slice(e.end));

/** What every stage of one plan's extraction reads. */
interface PlanContext {
  plan: ExtractionInput['plan'];
  gazetteer: ExtractionInput['gazetteer'];
  index: IndustryIndex;
  /** Whether a form names a place on the plan's date (for the enterprise reader). */
  isPlace: (form: string) => boolean;
}

/** What the extraction of one plan has produced so far. */
interface PlanOutput {
  assignments: Assignment[];
  sentences: AuditSentence[];
  warnings: AuditWarning[];
  /** line:form of the unresolved forms already warned about. */
  unresolvedSeen: Set<string>;
}

/** What carries from one sentence of a line to the next. */
interface LineState {
  topic: IndustryRef | null;
  /** A topic written as a sub-line alias of the section's own industry (固定翼飞机方面 in 航空制造产业): no
   * sub-industry, but a product line of the places of its sentence. */
  topicLine: string | null;
  /** The role of the bullet the sentence sits in (--核心区：). */
  title: Role | null;
  /** The last city named on the line, to narrow short park names. */
  lineCity: string | null;
}

type Span = ReturnType<typeof splitSentences>[number];

/**
 * One plan's text → its assignments, the audit of every layout sentence and warnings. The stages, one function each:
 * passages (findPassages) → sentences (splitSentences) → mentions (readMentions) → industry (chooseIndustries) →
 * which sentences count (isDirective, sentenceVerdict) → role, products and enterprises (draftAssignments) →
 * assignments + audit (recordAssignments).
 */
export function extractPlan(input: ExtractionInput): ExtractionResult {
  const { plan, text, gazetteer } = input;
  const ctx: PlanContext = {
    plan,
    gazetteer,
    index: indexIndustries(input.industries),
    isPlace: (form) => gazetteer.resolve(form, plan.issued) !== undefined,
  };
  const lines = text.split('\n');
  const out: PlanOutput = { assignments: [], sentences: [], warnings: [], unresolvedSeen: new Set() };
  for (const passage of findPassages(lines, plan.file, ctx.index)) {
    const lineText = lines[passage.line - 1] ?? '';
    if (passage.kind === 'status-column') out.sentences.push(...statusColumnSentences(passage, lineText));
    else readLine(ctx, passage, lineText, out);
  }
  return planResult(plan, out);
}

/** Where an audit sentence stands and in which passage; its status and assignments are filled in by the caller. */
function sentenceBase(passage: PassageLine, span: { start: number; end: number; text: string }) {
  const section = passage.section;
  return {
    line: passage.line,
    start: span.start,
    end: span.end,
    text: span.text,
    passage: passage.kind,
    sectionIndustry: section ? (section.combined ? section.zh : section.id) : null,
  };
}

/** The sentences of a ◆产业现状 column: listed so the audit accounts for them, with the reason they give nothing. */
function statusColumnSentences(passage: PassageLine, lineText: string): AuditSentence[] {
  return splitSentences(lineText).map((span) => ({
    ...sentenceBase(passage, span),
    status: 'status',
    assignments: [],
    reason: 'in a ◆产业现状 column: describes the present state, not a plan',
  }));
}

function readLine(ctx: PlanContext, passage: PassageLine, lineText: string, out: PlanOutput): void {
  const state: LineState = { topic: null, topicLine: null, title: null, lineCity: null };
  for (const span of splitSentences(lineText)) {
    if (span.bullet) state.title = titleRole(span.text);
    const foundTopic = sentenceTopic(span.text, ctx.index);
    // A topic that is just the section's own industry (生物医药及大健康。) does not hide a sub-industry.
    if (foundTopic) state.topic = foundTopic.id === sectionIndustry(passage.section)?.id ? null : foundTopic;
    // Only in the sentence that writes it (固定翼飞机方面，以南昌…), not in the sentences after a heading (--白酒。).
    state.topicLine = foundTopic && SUB_LINE_ALIASES.has(foundTopic.zh) ? foundTopic.zh : null;
    readSentence(ctx, passage, span, state, out);
  }
}

/** A sentence's place mentions after the human corrections (skipPlace, place), on the enterprise-masked text. */
interface SentenceMentions {
  enterpriseSpans: { start: number; end: number; text: string }[];
  masked: string;
  corrections: Correction[];
  mentions: Mention[];
}

function readMentions(ctx: PlanContext, passage: PassageLine, span: Span, lineCity: string | null): SentenceMentions {
  const { plan, gazetteer } = ctx;
  const enterpriseSpans = findEnterprises(span.text, ctx.isPlace);
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
  return { enterpriseSpans, masked, corrections, mentions };
}

/** The industries a sentence is about. */
export interface IndustryChoice {
  industries: IndustryRef[];
  /** Whether the industry was named for this sentence (a topic or leading sub-industry), so that a sub-industry is a
   * product line of its places; a combined section's keywords (新能源汽车 in 节能与新能源汽车…) are not. */
  subLineSource: boolean;
  /** Set when a correction decided the industry. */
  forced: boolean;
}

/**
 * The sentence's industries, the first rule that applies: a correction; a combined section whose keywords the sentence
 * uses; the sentence's topic; a combined section (its first industry); the section's industry or the sub-industry the
 * sentence opens with; none (outside sections, the places' own phrases may name one: localIndustries).
 */
export function chooseIndustries(
  section: Section | null,
  topic: IndustryRef | null,
  masked: string,
  firstPlaceAt: number,
  corrections: readonly Correction[],
  index: IndustryIndex,
): IndustryChoice {
  const forced = corrections.find((c) => c.action === 'industry');
  if (forced?.industry) {
    const industries = [{ id: forced.industry, zh: index.byId.get(forced.industry)?.zh ?? forced.industry }];
    return { industries, subLineSource: false, forced: true };
  }
  const choice = (industries: IndustryRef[], subLineSource: boolean): IndustryChoice => ({
    industries,
    subLineSource,
    forced: false,
  });
  if (section?.combined && hasCombinedKeyword(section.zh, masked))
    return choice(combinedIndustries(section.zh, masked, index), false);
  if (topic) return choice([topic], true);
  if (section?.combined) return choice(combinedIndustries(section.zh, masked, index), false);
  const own = sectionIndustry(section);
  if (own) return choice([leadingSubIndustry(masked, firstPlaceAt, own, index) ?? own], true);
  return choice([], false);
}

/** Outside the layout passages, a sentence counts only when a place's clause builds (or anchors) something. */
function isDirective(masked: string, mentions: readonly Mention[]): boolean {
  return mentions.some((m) => {
    const clause = clauseAround(masked, m);
    if (DIRECTIVE_VERB.test(clause) || ROLE_PREDICATE.test(clause)) return true;
    // An existing base the plan builds on (依托X基地…建设…; 以X…为基础，加快发展…): a tie, unless it is a resource.
    const rest = masked.slice(masked.indexOf(clause) + clause.length);
    return ANCHOR.test(clause) && !ANCHOR_RESOURCE.test(clause) && DIRECTIVE_VERB.test(rest);
  });
}

/** One warning per line and place-like form the gazetteer does not know. */
function warnUnresolved(ctx: PlanContext, line: number, read: SentenceMentions, out: PlanOutput): void {
  const { plan } = ctx;
  const forms = [
    ...read.mentions.flatMap((m) => (m.unresolved ? [m.unresolved] : [])),
    ...unresolvedForms(read.masked, read.mentions),
  ];
  for (const form of forms) {
    const key = `${line}:${form}`;
    if (out.unresolvedSeen.has(key)) continue;
    out.unresolvedSeen.add(key);
    out.warnings.push({
      file: plan.file,
      line,
      message: `place-like form "${form}" is not in the gazetteer (plan ${plan.id}, ${plan.issued})`,
    });
  }
}

/** Why a counted sentence gives no assignment (a drop correction, the present state, no place, no industry), or null. */
function sentenceVerdict(
  drop: Correction | undefined,
  status: boolean,
  hasPlace: boolean,
  hasIndustry: boolean,
): Pick<AuditSentence, 'status' | 'reason'> | null {
  if (drop) return { status: 'other', reason: drop.reason };
  if (status) return { status: 'status', reason: 'describes the present state (achievement or 现状), not a plan' };
  if (!hasPlace) return { status: 'no-place', reason: 'names no place' };
  if (!hasIndustry)
    return { status: 'no-industry', reason: 'names places but sits in no industry section and names no industry' };
  return null;
}

function readSentence(ctx: PlanContext, passage: PassageLine, span: Span, state: LineState, out: PlanOutput): void {
  const { index } = ctx;
  const read = readMentions(ctx, passage, span, state.lineCity);
  const { masked, mentions, corrections } = read;
  const lastCity: Mention | undefined = [...mentions].reverse().find((m) => m.place.level === 'city');
  if (lastCity) state.lineCity = lastCity.place.id;
  const firstAt = mentions[0]?.start ?? masked.length;
  const { industries, subLineSource, forced } = chooseIndustries(
    passage.section,
    state.topic,
    masked,
    firstAt,
    corrections,
    index,
  );
  const drop = corrections.find((c) => c.action === 'drop');
  const status = STATUS.test(span.text);
  // Outside industry sections, a place phrase may name its own industry (鹰潭铜产业基地, 南昌航空工业城).
  const local = industries.length === 0 && !forced ? localIndustries(masked, mentions, index) : null;
  // Inside a section, a list whose phrase names a sub-industry of the sentence's industry takes it
  // (…赣州经济技术开发区等零部件产业集群为配套 in 汽车及零部件 → 汽车零部件).
  const narrowed = local === null && !forced ? subIndustryPhrases(masked, mentions, industries, index) : null;
  const hasIndustry = industries.length > 0 || (local !== null && local.size > 0);
  if (passage.kind === 'directive') {
    if (mentions.length === 0 || !hasIndustry || status || drop) return;
    if (!isDirective(masked, mentions)) return;
  }
  warnUnresolved(ctx, passage.line, read, out);
  const audit: AuditSentence = { ...sentenceBase(passage, span), status: 'other', assignments: [], reason: null };
  const verdict = sentenceVerdict(drop, status, mentions.length > 0, hasIndustry);
  if (verdict) {
    out.sentences.push({ ...audit, ...verdict });
    return;
  }
  const drafts = draftAssignments({
    plan: ctx.plan,
    line: passage.line,
    span,
    read,
    industries,
    bulletTitle: state.title,
    local,
    narrowed,
    index,
    subLines: subLineSource,
    sectionId: sectionIndustry(passage.section)?.id,
    topicLine: state.topicLine,
  });
  if (drafts.length === 0) {
    audit.status = 'no-industry';
    audit.reason = 'names places, but none of them with an industry (outside any industry section)';
  } else {
    recordAssignments(ctx.plan.id, drafts, corrections, audit, out);
  }
  out.sentences.push(audit);
}

/** The drafts of one sentence, after the role corrections, as assignments with their ids; the audit lists them. */
function recordAssignments(
  planId: string,
  drafts: Draft[],
  corrections: readonly Correction[],
  audit: AuditSentence,
  out: PlanOutput,
): void {
  for (const c of corrections.filter((c) => c.action === 'role' && c.role)) {
    for (const d of drafts) if (d.placeText === c.placeText && c.role) d.role = c.role;
  }
  for (const d of drafts) {
    const { order: _order, ...rest } = d;
    const id = `${planId}:${d.source.line}:${d.source.start}:${d.place}:${d.industry}`;
    out.assignments.push({ id, ...rest });
    audit.assignments.push(id);
  }
  audit.status = 'assigned';
}

function planResult(plan: ExtractionInput['plan'], out: PlanOutput): ExtractionResult {
  const { assignments, sentences, warnings } = out;
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

/** What draftAssignments reads: the sentence, its mentions and the industries chosen for it. */
interface DraftOptions {
  plan: ExtractionInput['plan'];
  line: number;
  span: { start: number; end: number; text: string };
  read: SentenceMentions;
  industries: IndustryRef[];
  /** The role of the bullet the sentence sits in, if any. */
  bulletTitle: Role | null;
  /** Industries the places' own phrases name (outside sections), or null. */
  local: Map<Mention, IndustryRef[]> | null;
  /** Sub-industries the places' own phrases name inside a one-industry sentence, or null. */
  narrowed: Map<Mention, IndustryRef[]> | null;
  index: IndustryIndex;
  /** Whether a sub-industry named for the sentence is a product line of its places (IndustryChoice.subLineSource). */
  subLines: boolean;
  /** The section's own industry, when it names one. */
  sectionId: string | undefined;
  topicLine: string | null;
}

/** The product context of a sentence: the industries of its rows (not their products), its places, every industry name. */
function productContext(o: DraftOptions): ProductContext {
  const { industries, local, narrowed, index } = o;
  // The industries of the rows (the sentence's, or those the places' own phrases name) are not their products.
  const rowIndustries = [...industries, ...[...(local?.values() ?? []), ...(narrowed?.values() ?? [])].flat()];
  return {
    industryForms: industryForms(rowIndustries, index),
    // Only aliases that are parts of the industry's name (大数据、云计算 of 大数据与云计算), not sub-lines (饮料 of 食品).
    industryAliases: rowIndustries.flatMap((r) => {
      const industry = index.byId.get(r.id);
      return (industry?.aliases ?? []).filter((a) => industry?.zh.includes(a) || r.zh.includes(a));
    }),
    placeForms: o.read.mentions.map((m) => m.text),
    industryNames: [...index.byId.values()].map((i) => i.zh),
  };
}

/** A sub-industry the sentence names for its places (中药方面，以南昌…; 医疗器械以南昌为主) is a product line of theirs. */
function subLineProduct(o: DraftOptions, ref: IndustryRef): string | null {
  const { span, local, index } = o;
  // A place phrase naming its own industry outside a section (鹰潭铜产业基地, 景德镇直升机产业基地) is the row's industry
  // as written already, not a product.
  if (o.topicLine && span.text.includes(o.topicLine) && !local) return o.topicLine;
  if (!o.subLines || local || !span.text.includes(ref.zh)) return null;
  if (ref.id === o.sectionId && !SUB_LINE_ALIASES.has(ref.zh)) return null;
  const industry = index.byId.get(ref.id);
  const parent = industry?.parent ? index.byId.get(industry.parent) : undefined;
  const isSub = (parent && ![parent.zh, ...parent.aliases].includes(ref.zh)) || SUB_LINE_ALIASES.has(ref.zh);
  return isSub ? ref.zh.replace(INDUSTRY_WORD_END, '') : null;
}

/**
 * The enterprises of place list g. Enterprises named between this group and the next belong to it; those before the
 * first place to the first. With several lists in a sentence, a company more than one clause away is not the list's
 * (001 line 100: the tungsten companies after …为支撑，规划建设…，重点扶持 are the province's, not the supporting parks').
 * A company further away is the list's only when it acts for it (…，江铃股份重点发展…); one before the first place only
 * as the anchor of the layout (以江铃集团公司为龙头，整车生产布局在…), not in another action
 * (重点实施方大特钢“城市钢厂搬迁工程”，在九江湖口建设…).
 */
function groupEnterprises(read: SentenceMentions, groups: Mention[][], g: number): string[] {
  const { masked, enterpriseSpans } = read;
  const first = groups[g]?.[0];
  const last = groups[g]?.at(-1);
  if (!first || !last) return [];
  const nextStart = groups[g + 1]?.[0]?.start ?? masked.length;
  return enterpriseSpans
    .filter(
      (e) =>
        (e.start >= last.end &&
          e.start < nextStart &&
          ((masked.slice(last.end, e.start).match(/[，；：]/g) ?? []).length <= 1 ||
            (groups.length === 1 &&
              (ENTERPRISE_ACTS.test(masked.slice(e.end)) || FAR_ANCHOR.test(masked.slice(e.end)))))) ||
        (g === 0 && e.start < first.start && isAnchor(masked, e)),
    )
    .map((e) => e.text);
}

/** The role of place list g (roles.ts groupRole), with the sentence's or bullet's title. */
function groupRoleAt(o: DraftOptions, groups: Mention[][], g: number): Role {
  const { masked } = o.read;
  const first = groups[g]?.[0];
  const last = groups[g]?.at(-1);
  if (!first || !last) return 'focus';
  // A sentence that opens with its bullet title (核心区：…) is scoped by it, most strongly in the clause the title opens;
  // later sentences of the bullet inherit it as a fallback.
  const ownTitle = /^[^：:，。]{1,6}[：:]/.test(o.span.text) ? titleRole(o.span.text) : null;
  const title = ownTitle ?? o.bulletTitle;
  const titleClauseEnd = ownTitle ? firstClauseEnd(masked) : -1;
  const nextStart = groups[g + 1]?.[0]?.start ?? masked.length;
  const prevEnd = groups[g - 1]?.at(-1)?.end ?? 0;
  const after = masked.slice(last.end, nextStart);
  const before = masked.slice(prevEnd, first.start);
  return groupRole(after, masked, title, before, first.start < titleClauseEnd).role;
}

/**
 * One draft per place and industry of the sentence: each place list's role (the strongest when a place is listed
 * twice), products and enterprises.
 */
function draftAssignments(o: DraftOptions): Draft[] {
  const { plan, line, span, read, industries, local, narrowed } = o;
  const groups = groupMentions(read.masked, read.mentions);
  const byKey = new Map<string, Draft>();
  let order = 0;
  const { products: productsOf, subjects } = groupProducts(read.masked, groups, productContext(o));
  groups.forEach((group, g) => {
    if (group.length === 0) return;
    const role = groupRoleAt(o, groups, g);
    const products = productsOf.get(g) ?? [];
    const enterprises = groupEnterprises(read, groups, g);
    for (const m of group) {
      for (const industry of local ? (local.get(m) ?? []) : (narrowed?.get(m) ?? industries)) {
        const key = `${m.place.id}|${industry.id}`;
        const existing = byKey.get(key);
        if (existing) {
          if (isStrongerRole(role, existing.role)) {
            existing.role = role;
            existing.placeText = m.text;
          }
          existing.products = [...new Set([...existing.products, ...products])];
          existing.enterprises = [...new Set([...existing.enterprises, ...enterprises])];
          continue;
        }
        const subLine = subjects[g] ? subLineProduct(o, industry) : null;
        byKey.set(key, {
          order: order++,
          plan: plan.id,
          place: m.place.id,
          industry: industry.id,
          industryZh: industry.zh,
          placeText: m.text,
          role,
          products: subLine ? [...new Set([subLine, ...products])] : [...products],
          enterprises: [...enterprises],
          quote: span.text,
          source: { file: plan.file, line, start: span.start, end: span.end },
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

/** The words between the clause start and the clause's first list (充分发挥 in 充分发挥赣州…、九江…的优势). */
function clausePrefix(masked: string, groups: Mention[][], g: number): string {
  const at = groups[g]?.[0]?.start ?? 0;
  const before = masked.slice(0, at);
  const from =
    Math.max(before.lastIndexOf('，'), before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf('：')) +
    1;
  const clauseFirst = groups.find((other) => (other[0]?.start ?? 0) >= from)?.[0]?.start ?? at;
  return masked.slice(from, Math.min(clauseFirst, at));
}

/**
 * A list's own words: from its last place to the end of its clause or the next list, whichever comes first, and the
 * products in them. listJoin: the words only join the next list (和/及/、).
 */
function listOwnWords(masked: string, from: number, nextStart: number, ctx: ProductContext) {
  const at = masked.slice(from).search(/[，。；：]/);
  const end = Math.min(nextStart, at < 0 ? masked.length : from + at + 1);
  const own = masked.slice(from, end);
  const listJoin = end === nextStart && LIST_END.test(own);
  const found = productsIn(own, ctx);
  const items = [...found.items, ...ownNounProducts(own, listJoin, ctx)];
  // 推进南昌、景德镇通航产业发展: a sub-line named right after the list is its product line.
  const line = SUB_LINE_AFTER_LIST.find(([, re]) => re.test(own))?.[0];
  if (line) items.unshift(line);
  return { end, own, listJoin, found, items };
}

/**
 * Products per place list (group index), read clause by clause (docs/extraction.md, "Products and enterprises"):
 * a list keeps the products of its own clause (南昌重点提升…，鹰潭重点提升…) and of the place-less clauses after it;
 * lists that only get a role (以南昌为重点，九江、吉安等地联动，…重点突破…芯片) share the place-less clauses after them;
 * products before the first list belong to every list.
 */
function groupProducts(
  masked: string,
  groups: Mention[][],
  ctx: ProductContext,
): { products: Map<number, string[]>; subjects: boolean[] } {
  const out = new Map<number, string[]>();
  const add = (g: number, items: readonly string[]) => {
    if (items.length === 0) return;
    out.set(g, [...new Set([...(out.get(g) ?? []), ...items])]);
  };
  const firstStart = groups[0]?.[0]?.start ?? masked.length;
  const head = extractProducts(masked.slice(0, firstStart), ctx);
  let roleOnly: number[] = [];
  let subject: number | null = null;
  // A list that opens its clause (南昌重点…, 以南昌为重点) is the clause's subject; one after a verb (充分发挥赣州…的优势)
  // is an object, and the place-less clauses after it are not about it. Without any subject list, a sentence that opens
  // with its places (依托南昌、宜春…五大产业集聚区，以…为引领) still gives its clauses to them.
  const subjectLike = (g: number): boolean => !OBJECT_VERB.test(clausePrefix(masked, groups, g));
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
    const { end, own, listJoin, found, items } = listOwnWords(masked, last.end, nextStart, ctx);
    // Products before the first list are every subject list's (以…芯片等设计行业为切入点，以南昌为重点…), not an object's
    // (大力发展航空…等军民融合产业，建设景德镇直升机等军民融合产业基地).
    if (subjectLike(g)) add(g, head);
    // 赣北水泥生产基地，包括瑞昌、彭泽、九江等县: the members take the base's products.
    if (MEMBERS_LEAD.test(clausePrefix(masked, groups, g))) add(g, out.get(g - 1) ?? []);
    // 沙河工业园（水西有色基地）、定南工业园重点发展…: a list broken only by a parenthesis goes on.
    // 依托鄱阳湖、赣抚平原、吉泰盆地粮食主产区和赣西…基地发展粮食加工业: a list whose own words name nothing and
    // that runs on (和/及/、) into the next list in the same clause shares that list's products.
    const runsOn = listJoin && items.length === 0 && g + 1 < groups.length;
    if ((LIST_CONTINUES.test(own) && end === nextStart && g + 1 < groups.length) || runsOn) {
      joined.push(g);
      pos = end;
      return;
    }
    for (const j of [...joined, g]) add(j, items);
    if (found.fromVerb) {
      // A list with its own verb (南昌重点发展…) is the subject of the clauses after it.
      joined = [];
      subject = g;
      roleOnly = [];
    } else {
      // A list with only a role, a frame or its own noun phrase (以A为棉纺产业主要集聚地，以B为…集聚地，主攻…) shares them.
      if (subject !== null) roleOnly = [];
      roleOnly.push(...joined, g);
      joined = [];
      subject = null;
    }
    pos = end;
  });
  shareTail(masked.slice(pos));
  return { products: out, subjects: groups.map((_, g) => subjectLike(g)) };

  /** The lists the place-less clauses after the last list are about. */
  function receivers(): number[] {
    if (subject !== null) return subjectLike(subject) ? [subject] : [];
    const subjects = roleOnly.filter(subjectLike);
    return subjects.length > 0 ? subjects : headless ? roleOnly : [];
  }

  function shareTail(text: string): void {
    if (text.length === 0) return;
    const items = extractProducts(text, ctx);
    for (const g of receivers()) add(g, items);
  }
}
