/**
 * What the plans say, in the reader's language. The plans are Chinese; their English (quotes, products, enterprises,
 * the industry as written, the reader's sentences) is the project's unofficial translation, published beside the
 * Chinese in the data. In English mode the English comes first, marked as a translation, with the Chinese original
 * (authoritative, lang="zh-CN") one click behind it; in Chinese mode only the Chinese shows.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExplorerData } from '../data/load.ts';
import type { Assignment } from '../domain/types.ts';
import { highlightRuns } from '../state/selectors.ts';
import type { Lang } from '../state/store.ts';
import { useExplorer, useExplorerState } from './context.tsx';

type HtmlLang = 'zh-CN' | 'en';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** The lang attribute a piece of text needs (a term the glossary lacks keeps its Chinese even in English mode). */
export function langOfText(text: string): HtmlLang {
  return HAN.test(text) ? 'zh-CN' : 'en';
}

/** The plan's wording in the reader's language: the English when the reader chose it and the data has it. */
export function planText(lang: Lang, zh: string, en: string | null | undefined): { text: string; lang: HtmlLang } {
  return lang === 'en' && en ? { text: en, lang: langOfText(en) } : { text: zh, lang: 'zh-CN' };
}

/** Products or enterprises in the reader's language; `en` is parallel to `zh` (same length and order). */
export function termsIn(lang: Lang, zh: readonly string[], en: readonly string[] | undefined): string[] {
  return zh.map((z, i) => (lang === 'en' && en?.[i] ? en[i] : z));
}

const englishTerms = new WeakMap<ExplorerData, Map<string, string>>();

/**
 * English of a product or enterprise named anywhere in the data, for lists that gather terms from many assignments
 * (the profiles): the same Chinese term has one English wherever it occurs.
 */
export function termEn(data: ExplorerData, zh: string): string {
  let map = englishTerms.get(data);
  if (!map) {
    map = new Map();
    for (const a of data.assignments) {
      const pairs: [string[], string[] | undefined][] = [
        [a.products, a.productsEn],
        [a.enterprises, a.enterprisesEn],
      ];
      for (const [zhs, ens] of pairs)
        for (const [i, z] of zhs.entries()) {
          const e = ens?.[i];
          if (e && !map.has(z)) map.set(z, e);
        }
    }
    englishTerms.set(data, map);
  }
  return map.get(zh) ?? zh;
}

/** A list of terms, each with its own lang, joined the way the reader's language joins lists. */
export function TermList({ items }: { items: readonly string[] }) {
  const lang = useExplorerState((s) => s.lang);
  const sep = lang === 'zh' ? '、' : ', ';
  return (
    <>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a term may repeat; the list is never reordered
        <span key={i} lang={langOfText(item)}>
          {i > 0 && sep}
          {item}
        </span>
      ))}
    </>
  );
}

/** Runs of `text` with every case-insensitive occurrence of a term marked (English names are capitalised freely). */
function markRuns(text: string, terms: string[]): { text: string; mark: boolean }[] {
  // Lower-casing keeps offsets only when it keeps the length (not for e.g. "İ"); otherwise match case-sensitively.
  if (text.toLowerCase().length !== text.length) return highlightRuns(text, terms);
  const lower = highlightRuns(
    text.toLowerCase(),
    terms.map((t) => t.toLowerCase()),
  );
  let at = 0;
  return lower.map((r) => {
    const run = { text: text.slice(at, at + r.text.length), mark: r.mark };
    at += r.text.length;
    return run;
  });
}

function Marked({ runs }: { runs: { text: string; mark: boolean }[] }) {
  return (
    <>
      {runs.map((r, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: runs are positional and never reordered
        r.mark ? <mark key={i}>{r.text}</mark> : <span key={i}>{r.text}</span>,
      )}
    </>
  );
}

/**
 * English first, marked as the project's unofficial translation, and the Chinese original behind a disclosure
 * ("Chinese original (authoritative)").
 */
export function Translated({
  en,
  original,
  label,
  testId,
}: {
  en: ReactNode;
  original: ReactNode;
  label: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="translated" data-testid={testId}>
      <blockquote className="quote quote-en" lang="en" aria-label={label}>
        {en}
      </blockquote>
      <details className="original">
        <summary>
          <span className="translation-note">{t('translation.note')}</span>{' '}
          <span className="original-toggle">{t('translation.original')}</span>
        </summary>
        {original}
      </details>
    </div>
  );
}

/**
 * An assignment's sentence with the place and industry marked (and `also`: e.g. the company the search chose): the
 * Chinese verbatim quote, and in English mode its translation first.
 */
export function Quote({ a, also = [] }: { a: Assignment; also?: readonly string[] }) {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const industry = data.industryById.get(a.industry);
  const zh = (
    <blockquote className="quote" aria-label={t('panel.quoteLabel')} lang="zh-CN">
      <Marked runs={highlightRuns(a.quote, [a.placeText, a.industryZh, ...(industry ? [industry.zh] : []), ...also])} />
    </blockquote>
  );
  if (lang === 'zh' || !a.quoteEn) return zh;
  const place = data.placeById.get(a.place)?.properties;
  // `also` (e.g. the product or company the search chose) is Chinese: mark its English in the translation.
  const terms = [
    place?.en ?? '',
    a.industryTextEn ?? '',
    industry?.en ?? '',
    ...also.map((x) => termEn(data, x)),
  ].filter((s) => s.length > 1);
  return (
    <Translated
      en={<Marked runs={markRuns(a.quoteEn, terms)} />}
      original={zh}
      label={t('translation.quoteLabel')}
      testId="quote-en"
    />
  );
}

/**
 * The industry as the plan wrote it, in the reader's language. Unless `always`, null when it says no more than the
 * industry's own name (in that language).
 */
export function asWrittenText(data: ExplorerData, a: Assignment, lang: Lang, always = false): string | null {
  const industry = data.industryById.get(a.industry);
  const en = lang === 'en' && a.industryTextEn ? a.industryTextEn : null;
  if (!always && (a.industryZh === industry?.zh || (en && en === industry?.en))) return null;
  return en ?? a.industryZh;
}

/** The "as written" tag: 「光伏产业」 in Chinese, “Photovoltaic industry” in English. */
export function AsWritten({ a, always = false }: { a: Assignment; always?: boolean }) {
  const { data } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const text = asWrittenText(data, a, lang, always);
  if (!text) return null;
  const htmlLang = langOfText(text);
  return (
    <span className="as-written" lang={htmlLang} data-testid="as-written">
      {' '}
      {htmlLang === 'en' ? `“${text}”` : `「${text}」`}
    </span>
  );
}
