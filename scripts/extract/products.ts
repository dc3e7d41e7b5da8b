/**
 * Products: what a sentence names for a place (docs/extraction.md, "Products and enterprises"). The vocabulary is in
 * data/extraction/rules.json → products; this module only finds objects, frames and base phrases and cleans them.
 */
import { RULES } from './rules.ts';

const P = RULES.products;
const VERB = new RegExp(`${P.verbLead}(?:${P.verb})`, 'g');
const VERB_AT = new RegExp(`^(?:${P.verb})`);
const VERB_FREE = new RegExp(`(?:${P.verbAnywhere})`, 'g');
const NOT_AFTER_VERB = new RegExp(P.notAfterVerb);
const FRAMES = P.frames.map((f) => new RegExp(f, 'g'));
const OBJECT_STOP = new RegExp(P.objectStop);
const CONTINUATION = new RegExp(P.continuation);
const BASE = new RegExp(P.base);
const AREA = new RegExp(P.areaWord);
const QUALIFIER = new RegExp(P.qualifier);
const LEADING = new RegExp(P.trim.leading);
const TRAILING = new RegExp(P.trim.trailing);
const OF_QUALIFIER = new RegExp(P.ofQualifier);
const VERB_START = new RegExp(`^${P.verbLead}?(?:${P.verb})`);
const NON_PRODUCT_CATEGORY = new RegExp(P.nonProductCategory);
const BASE_SUFFIX = new RegExp(P.baseSuffix);
const ETC_NOT_BEFORE = new RegExp(P.etcNotBefore);
const HAS_VERB = new RegExp(`(?:${P.verb})`);
const REJECT = new RegExp(P.reject);
const CLAUSE_MARK = /[，。；：]/;
const ITEM_SPLIT = new RegExp(P.itemSplit);
const LAST_ITEM_SPLIT = new RegExp(P.lastItemSplit);
const ETC = P.etcWord;
const ETC_END = new RegExp(`${ETC}$`);
const ONLY_JOINERS = new RegExp(P.onlyJoiners);
const OF_PREDICATE = new RegExp(P.ofPredicate);
const HEAD_LEAD = new RegExp(P.headLead);
const NOT_NOUN_START = new RegExp(P.notNounStart);
const JOINED_NOUN = new RegExp(P.joinedNoun);

/** Splits a list on 、 / 和 / 以及 / 包括 (and a last 与), but not inside （…） (LED应用产品（背光源、显示屏）). */
function splitOutsideBrackets(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    if (depth > 0) continue;
    const sep = ITEM_SPLIT.exec(text.slice(i))?.[0] ?? LAST_ITEM_SPLIT.exec(text.slice(i))?.[0] ?? '';
    if (!sep) continue;
    out.push(text.slice(from, i));
    from = i + sep.length;
    i += sep.length - 1;
  }
  out.push(text.slice(from));
  return out;
}

/** Options for cleaning: forms that must not be items (the row's industry names, the sentence's place names). */
export interface ProductContext {
  /** Items equal to one of these (after trimming) are dropped: the industry's own name. */
  industryForms?: readonly string[];
  /** Items containing one of these are dropped: places. */
  placeForms?: readonly string[];
  /** The industry's aliases: not products when a base phrase names them (上饶…等大数据、云计算产业基地). */
  industryAliases?: readonly string[];
  /** Every industry's own name (稀土, 光伏): a base named by one of them (建设稀土产业园区) names no product. */
  industryNames?: readonly string[];
  /** Set for base phrases (the items came from X…基地/产业带). */
  base?: boolean;
}

/** Splits an object phrase into items and cleans each (see rules.json → products). */
export function productItems(object: string, ctx: ProductContext = {}): string[] {
  let text = object.trim();
  const q = QUALIFIER.exec(text);
  if (q) text = text.slice(q[0].length);
  // …等核心产品 / …等产品的关键生产技术: what follows the last 等 of a list only names the category; a category of
  // processes (突破烧制成型、配方开发等关键环节) says the items are not products.
  let etc = text.lastIndexOf(ETC);
  while (etc > 0 && ETC_NOT_BEFORE.test(text.slice(etc + ETC.length))) etc = text.lastIndexOf(ETC, etc - 1);
  if (etc > 0 && !text.slice(etc).includes(P.listComma)) {
    if (NON_PRODUCT_CATEGORY.test(text.slice(etc + ETC.length))) return [];
    text = text.slice(0, etc);
  }
  // Only the industry's own names (新能源汽车及锂电, 大数据、云计算 in a base): no product.
  const own = [...(ctx.industryForms ?? []), ...(ctx.base ? (ctx.industryAliases ?? []) : [])].sort(
    (a, b) => b.length - a.length,
  );
  let rest = text.replace(TRAILING, '');
  for (const f of own) rest = rest.split(f).join('');
  if (own.length > 0 && ONLY_JOINERS.test(rest)) return [];
  const out: string[] = [];
  for (const raw of splitOutsideBrackets(text)) {
    let item = raw.trim();
    const fromBase = ctx.base === true || BASE_SUFFIX.test(item);
    for (let k = 0; k < 3; k++) {
      const before = item;
      item = item.replace(LEADING, '').replace(TRAILING, '').replace(ETC_END, '').replace(OF_QUALIFIER, '').trim();
      if (item === before) break;
    }
    if (item.length < 2 || item.length > 24) continue;
    if (REJECT.test(item)) continue;
    // The industry's own name, alone or with a short qualifier (现代绿色石化产业基地, 沿江新型钢铁产业基地).
    if (ctx.industryForms?.some((f) => item === f || (fromBase && item.endsWith(f) && item.length - f.length <= 4)))
      continue;
    if (fromBase && (ctx.industryAliases?.includes(item) || ctx.industryNames?.includes(item))) continue;
    // In a base phrase, what still opens with a verb is an action (生产流通), not a product.
    if (ctx.base && VERB_START.test(item)) continue;
    if (ctx.placeForms?.some((f) => item.includes(f))) continue;
    out.push(item);
  }
  return out;
}

/** The object of a verb: from after the verb to the clause end, cut where an action starts. */
function objectAfter(text: string, from: number): string {
  const rest = text.slice(from);
  const end = rest.search(CLAUSE_MARK);
  let object = end < 0 ? rest : rest.slice(0, end);
  const stop = OBJECT_STOP.exec(object);
  if (stop && stop.index > 0) object = object.slice(0, stop.index);
  return object;
}

/**
 * Products named in a stretch of text (one or more clauses without a place of their own, or a place's own clause
 * after the place): objects of product verbs, frames (以X为主的, 以X为突破口, 在X等方面) and base phrases after a verb
 * (打造…生产基地). A clause opening with 以及 continues the previous object.
 */
export function extractProducts(segment: string, ctx: ProductContext = {}): string[] {
  return productsIn(segment, ctx).items;
}

/** As extractProducts, also saying whether a verb gave any (南昌重点发展… makes 南昌 the subject of its clause). */
export function productsIn(segment: string, ctx: ProductContext = {}): { items: string[]; fromVerb: boolean } {
  // 高安的水轮发电机、挖掘机: the words right after a place and 的 are its products.
  if (segment.startsWith(P.ofLead) && !OF_PREDICATE.test(segment)) {
    const items = productItems(objectAfter(segment, P.ofLead.length), ctx);
    return { items, fromVerb: items.length > 0 };
  }
  const items: string[] = [];
  let verbCount = 0;
  // ，以及高技术领域应用的新型钨基材料 after the clause of a list's own verb: the clause goes on with its object.
  const more = CONTINUATION.exec(segment);
  if (more) items.push(...productItems(objectAfter(segment, more[0].length), ctx));
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && e > a);
  for (const frame of FRAMES) {
    frame.lastIndex = 0;
    for (const m of segment.matchAll(frame)) {
      const at = m.index ?? 0;
      const group = m.groups?.items ?? '';
      if (!free(at, at + m[0].length)) continue;
      taken.push([at, at + m[0].length]);
      items.push(...productItems(group, ctx));
    }
  }
  let lastObjectEnd = -1;
  const verbs = [...segment.matchAll(VERB), ...segment.matchAll(VERB_FREE)]
    .map((m) => (m.index ?? 0) + m[0].length)
    .sort((a, b) => a - b);
  for (const verbFrom of [...new Set(verbs)]) {
    // The verb word itself is the tail of the match; the object starts after it.
    if (NOT_AFTER_VERB.test(segment.slice(verbFrom))) continue;
    // 做大做强 / 改造提升: a second verb right after is part of the same verb phrase.
    let from = verbFrom;
    const again = VERB_AT.exec(segment.slice(from));
    if (again) from += again[0].length;
    if (!free(from, from + 1)) continue;
    const object = objectAfter(segment, from);
    if (object.length === 0) continue;
    taken.push([from, from + object.length]);
    lastObjectEnd = from + object.length;
    const found = productItems(object, ctx);
    verbCount += found.length;
    items.push(...found);
    // ，以及高技术领域应用的新型钨基材料: the next clause continues this object.
    const next = segment.slice(lastObjectEnd + 1);
    if (segment.charAt(lastObjectEnd) === '，' && CONTINUATION.test(next)) {
      const more = objectAfter(next.replace(CONTINUATION, ''), 0);
      items.push(...productItems(more, ctx));
    }
  }
  return { items: [...new Set(items)].slice(0, 30), fromVerb: verbCount > 0 };
}

/** The head words of a base-like phrase (景德镇特色原料药和制剂生产基地 → 特色原料药和制剂), or null. */
export function baseHead(phrase: string): string | null {
  const m = BASE.exec(phrase);
  if (!m?.groups?.items) return null;
  let head = m.groups.items;
  const area = AREA.exec(head);
  if (area) head = head.slice(area[0].length);
  return head.replace(HEAD_LEAD, '');
}

/**
 * A place's own noun phrase: the words right after a place list up to a base word (赣州LED荧光粉、吉安LED器件封装、
 * 宜春LED显示屏和九江节能灯生产基地; 南昌化学制剂生产区域; 环鄱阳湖和赣中南地区水产品加工产业带). `ownText` runs from the
 * end of the list to the next list or the clause end; `listJoin` is true when the next list follows in the same
 * clause after 、/和 (then the whole text is the noun: 赣州LED荧光粉、).
 */
export function ownNounProducts(ownText: string, listJoin: boolean, ctx: ProductContext = {}): string[] {
  if (NOT_NOUN_START.test(ownText) || VERB_START.test(ownText)) return [];
  if (listJoin) {
    const noun = JOINED_NOUN.exec(ownText)?.[1];
    if (noun && !HAS_VERB.test(noun.replace(TRAILING, ''))) return productItems(noun, { ...ctx, base: true });
  }
  const head = baseHead(ownText);
  if (!head) return [];
  return productItems(head, { ...ctx, base: true });
}
