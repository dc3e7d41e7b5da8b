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
import { extractProducts, ownNounProducts, type ProductContext, productsIn } from './products.ts';
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

const SUB_LINE_ALIASES = new Set(RULES.products.subLineAliases);
const ENTERPRISE_ACTS = new RegExp(`^(?:${RULES.enterprise.acts})`);
const FAR_ANCHOR = new RegExp(`^(?:${RULES.enterprise.farAnchor})`);
const ANCHOR_BEFORE = new RegExp(`(?:${RULES.enterprise.anchorBefore})$`);
const ANCHOR_AFTER = new RegExp(`^(?:${RULES.enterprise.anchorAfter})`);
/** A company named as the anchor of what follows (以E为龙头, 依托E的优势). */
const isAnchor = (text: string, e: { start: number; end: number }): boolean =>
  ANCHOR_BEFORE.test(text.slice(0, e.start)) || ANCHOR_AFTER.test(text.slice(e.end));

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
    // A topic written as a sub-line alias of the section's own industry (固定翼飞机方面 in 航空制造产业): no sub-industry,
    // but a product line of the places of its sentence.
    let topicLine: string | null = null;
    let title: Role | null = null;
    let lineCity: string | null = null;
    for (const span of splitSentences(lineText)) {
      if (span.bullet) title = titleRole(span.text);
      const foundTopic = sentenceTopic(span.text, index);
      // A topic that is just the section's own industry (生物医药及大健康。) does not hide a sub-industry.
      if (foundTopic) topic = foundTopic.id === passage.section?.id ? null : foundTopic;
      // Only in the sentence that writes it (固定翼飞机方面，以南昌…), not in the sentences after a heading (--白酒。).
      topicLine = foundTopic && SUB_LINE_ALIASES.has(foundTopic.zh) ? foundTopic.zh : null;

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
      // Whether the industry was named for this sentence (a topic or leading sub-industry), so that a sub-industry is a
      // product line of its places; a combined section's keywords (新能源汽车 in 节能与新能源汽车…) are not.
      let subLineSource = false;
      const forced = corrections.find((c) => c.action === 'industry');
      if (forced?.industry) {
        industries = [{ id: forced.industry, zh: index.byId.get(forced.industry)?.zh ?? forced.industry }];
      } else if (passage.section && passage.section.id === '' && hasCombinedKeyword(passage.section.zh, masked)) {
        industries = combinedIndustries(passage.section.zh, masked, index);
      } else if (topic) {
        industries = [topic];
        subLineSource = true;
      } else if (passage.section && passage.section.id === '') {
        industries = combinedIndustries(passage.section.zh, masked, index);
      } else if (passage.section) {
        const firstAt = mentions[0]?.start ?? masked.length;
        industries = [leadingSubIndustry(masked, firstAt, passage.section, index) ?? passage.section];
        subLineSource = true;
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
        subLineSource,
        passage.section?.id,
        topicLine,
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
  subLines: boolean,
  sectionId: string | undefined,
  topicLine: string | null,
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
  const productCtx: ProductContext = {
    industryForms: industryForms(rowIndustries, index),
    // Only aliases that are parts of the industry's name (大数据、云计算 of 大数据与云计算), not sub-lines (饮料 of 食品).
    industryAliases: rowIndustries.flatMap((r) => {
      const industry = index.byId.get(r.id);
      return (industry?.aliases ?? []).filter((a) => industry?.zh.includes(a) || r.zh.includes(a));
    }),
    placeForms: mentions.map((m) => m.text),
    industryNames: [...index.byId.values()].map((i) => i.zh),
  };
  const { products: productsOf, subjects } = groupProducts(masked, groups, productCtx);
  // A sub-industry the sentence names for its places (中药方面，以南昌…; 医疗器械以南昌为主) is a product line of theirs.
  const subLineProduct = (ref: IndustryRef): string | null => {
    // A place phrase naming its own industry outside a section (鹰潭铜产业基地, 景德镇直升机产业基地) is the row's industry
    // as written already, not a product.
    if (topicLine && span.text.includes(topicLine) && !local) return topicLine;
    if (!subLines || local || !span.text.includes(ref.zh)) return null;
    if (ref.id === sectionId && !SUB_LINE_ALIASES.has(ref.zh)) return null;
    const industry = index.byId.get(ref.id);
    const parent = industry?.parent ? index.byId.get(industry.parent) : undefined;
    const isSub = (parent && ![parent.zh, ...parent.aliases].includes(ref.zh)) || SUB_LINE_ALIASES.has(ref.zh);
    return isSub ? ref.zh.replace(/(?:产业|业)$/, '') : null;
  };
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
    // A company further away is the list's only when it acts for it (…，江铃股份重点发展…); one before the first
    // place only as the anchor of the layout (以江铃集团公司为龙头，整车生产布局在…), not in another action
    // (重点实施方大特钢“城市钢厂搬迁工程”，在九江湖口建设…).
    const enterprises = enterpriseSpans
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
          products:
            subjects[g] && subLineProduct(industry)
              ? [...new Set([subLineProduct(industry) as string, ...products])]
              : [...products],
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
  /** The words between the clause start and the clause's first list (充分发挥 in 充分发挥赣州…、九江…的优势). */
  const clausePrefix = (g: number): string => {
    const at = groups[g]?.[0]?.start ?? 0;
    const before = masked.slice(0, at);
    const from =
      Math.max(before.lastIndexOf('，'), before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf('：')) +
      1;
    const clauseFirst = groups.find((other) => (other[0]?.start ?? 0) >= from)?.[0]?.start ?? at;
    return masked.slice(from, Math.min(clauseFirst, at));
  };
  const subjectLike = (g: number): boolean => !OBJECT_VERB.test(clausePrefix(g));
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
    const found = productsIn(own, ctx);
    const items = [...found.items, ...ownNounProducts(own, listJoin, ctx)];
    // 推进南昌、景德镇通航产业发展: a sub-line named right after the list is its product line.
    const line = [...SUB_LINE_ALIASES].find((a) => new RegExp(`^(?:等地?|的)?${a}(?:产业|业)`).test(own));
    if (line) items.unshift(line);
    // Products before the first list are every subject list's (以…芯片等设计行业为切入点，以南昌为重点…), not an object's
    // (大力发展航空…等军民融合产业，建设景德镇直升机等军民融合产业基地).
    if (subjectLike(g)) add(g, head);
    // 赣北水泥生产基地，包括瑞昌、彭泽、九江等县: the members take the base's products.
    if (/包括$/.test(clausePrefix(g))) add(g, out.get(g - 1) ?? []);
    // 沙河工业园（水西有色基地）、定南工业园重点发展…: a list broken only by a parenthesis goes on.
    // 依托鄱阳湖、赣抚平原、吉泰盆地粮食主产区和赣西…基地发展粮食加工业: a list whose own words name nothing and
    // that runs on (和/及/、) into the next list in the same clause shares that list's products.
    const runsOn = listJoin && items.length === 0 && g + 1 < groups.length;
    if ((/^(?:（[^）]*）|[（）])?(?:、|和|及)?$/.test(own) && end === nextStart && g + 1 < groups.length) || runsOn) {
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
