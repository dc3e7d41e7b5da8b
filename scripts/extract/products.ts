/** A verb that gives a place its products, at a clause start or after an adverb (not 生产 inside 玻璃生产加工). */
const VERB =
  /(?:^|[，、；：]|重点|着力|大力|积极|加快|主要|优先|继续|进一步|逐步)(?:发展|生产|开发|研制|提升|扩大|培育|推进)(?!路径|模式|思路|方向|水平|平台|能力|区|流通)([^，。；]+)/;
/** Objects that are not products: places, bases, platforms, firms. */
const NOT_PRODUCT =
  /(?:区|基地|区域|平台|集群|企业|优势|水平|能力|路径|规模|步伐|产业链|配套产业)$|^以|^我省|^[一-龥]$/;
/** Objects that are about the province or the industry as a whole (提升我省与河南、安徽…的竞争能力, 提升产业素质). */
const NOT_PRODUCT_OBJECT = /^(?:我省|全省|产业|区域|整体|全面|相关)/;

/** Phrases that are actions or outcomes, not products. */
const NOT_PRODUCT_WORD = /实现|效益|改造|联动|所需|发展|突破|满足|^[万千百]亿级/;

/**
 * The products a place is given: the objects of 发展/生产/开发… in the text that follows it
 * (南昌重点发展半导体照明、新型电子元器件… → [半导体照明, 新型电子元器件, …]), or after 的 (高安的水轮发电机、挖掘机).
 */
export function extractProducts(segment: string): string[] {
  let object: string | undefined;
  if (segment.startsWith('的') && !/^的[^，。；]*为/.test(segment)) object = segment.slice(1).split(/[，。；]/)[0];
  else object = VERB.exec(segment)?.[1];
  if (!object) return [];
  object = object.replace(/^(?:了|的)/, '');
  if (NOT_PRODUCT_OBJECT.test(object)) return [];
  // 满足大飞机、交通运输设备等需求的高性能铝合金 → 高性能铝合金: what precedes the last 的 qualifies the product.
  const qualifier = /^[^，。；]*?等?[^、，。；]{0,8}的(?=[^的]+$)/.exec(object);
  if (qualifier && /等[^、，。；]{0,8}的$|需求的$|所需的$|优势的$/.test(qualifier[0]))
    object = object.slice(qualifier[0].length);
  const etc = object.lastIndexOf('等');
  if (etc > 0 && object.length - etc <= 10) object = object.slice(0, etc);
  object = object.replace(/(?:的生产规模|的生产能力|生产能力|等生产能力|的制造能力|制造能力|生产水平|建设)$/, '');
  const items = object
    .split(/、|以及|和/)
    .map((s) => s.trim().replace(/^生产(?=[^，。；]{2,})/, ''))
    .filter(
      (s) => s.length > 0 && s.length <= 20 && !s.includes('□') && !NOT_PRODUCT.test(s) && !NOT_PRODUCT_WORD.test(s),
    );
  return [...new Set(items)].slice(0, 15);
}
