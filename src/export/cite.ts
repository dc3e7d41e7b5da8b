import type { Assignment, Plan } from '../domain/types';

/**
 * "Cite this": the plans behind what is shown, oldest first, then the explorer itself. The zh form follows
 * GB/T 7714 for documents ([Z] = other document type); the en form is author (year). Title [original title]. Date.
 */

export interface CiteOptions {
  /** The page's share link, cited as where the extract was made. */
  url?: string;
  /** Access date as YYYY-MM-DD (pass it in; this module never reads the clock). */
  accessed?: string;
  /** Name of the site (defaults below). */
  siteZh?: string;
  siteEn?: string;
}

const SITE_ZH = '江西省产业布局浏览器';
const SITE_EN = 'Jiangxi Industrial Layout Explorer';

/** Plans cited by these assignments, in issue order. */
export function citedPlans(assignments: readonly Pick<Assignment, 'plan'>[], plans: readonly Plan[]): Plan[] {
  const used = new Set(assignments.map((a) => a.plan));
  return plans
    .filter((p) => used.has(p.id))
    .sort((a, b) => a.issued.localeCompare(b.issued) || a.id.localeCompare(b.id));
}

function englishDate(iso: string): string {
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  const [y, m, d] = iso.split('-').map(Number);
  const month = m ? months[m - 1] : undefined;
  if (!y || !month) return iso;
  return d ? `${d} ${month} ${y}` : `${month} ${y}`;
}

export function citePlansZh(plans: readonly Plan[], options: CiteOptions = {}): string {
  const lines = plans.map((p, i) => `[${i + 1}] ${p.issuerZh}. ${p.titleZh}[Z]. ${p.issued}.`);
  const site = options.siteZh ?? SITE_ZH;
  const where = options.url ? `. ${options.url}` : '';
  const when = options.accessed ? `. 访问日期：${options.accessed}` : '';
  return [`数据来源（${plans.length} 份规划文件）：`, ...lines, `摘录与整理：${site}${where}${when}.`].join('\n');
}

export function citePlansEn(plans: readonly Plan[], options: CiteOptions = {}): string {
  const lines = plans.map(
    (p, i) => `[${i + 1}] ${p.issuerEn} (${p.year}). ${p.titleEn} [${p.titleZh}]. Issued ${englishDate(p.issued)}.`,
  );
  const site = options.siteEn ?? SITE_EN;
  const where = options.url ? `, ${options.url}` : '';
  const when = options.accessed ? `, accessed ${englishDate(options.accessed)}` : '';
  const count = plans.length === 1 ? '1 plan document' : `${plans.length} plan documents`;
  return [`Sources (${count}):`, ...lines, `Extracted with the ${site}${where}${when}.`].join('\n');
}

/** The citation for what the current filters show, in the UI language. */
export function citeThis(
  assignments: readonly Pick<Assignment, 'plan'>[],
  plans: readonly Plan[],
  lang: 'zh' | 'en',
  options: CiteOptions = {},
): string {
  const cited = citedPlans(assignments, plans);
  return lang === 'zh' ? citePlansZh(cited, options) : citePlansEn(cited, options);
}
