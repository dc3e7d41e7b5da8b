/**
 * i18next setup. UI strings live in zh.ts / en.ts; names of plans, places and industries come from the data's
 * zh/en fields through `pick`. The reader's choice is remembered in localStorage and mirrored in the URL (?lang=en).
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../state/store.ts';
import { en } from './en.ts';
import { zh } from './zh.ts';

export const STORAGE_KEY = 'jx-lang';

export function createI18n(lang: Lang): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'zh',
    resources: { zh: { translation: zh }, en: { translation: en } },
    interpolation: { escapeValue: false }, // React escapes; i18next must not double-escape Chinese quotes
    initAsync: false,
  });
  return instance;
}

export function rememberedLang(): Lang | null {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === 'zh' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

export function rememberLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or disabled storage: the URL still carries the choice.
  }
}

/**
 * The language the page starts in when the URL does not say (`?lang=` is read by the URL parser and wins): the
 * remembered choice, else the browser's first language. A browser whose first language
 * is Chinese (any script or region) gets Chinese; any other gets English, the interface language a non-Chinese
 * reader is likeliest to read. No browser language at all (e.g. a crawler) falls back to Chinese, the plans' language.
 */
export function initialLang(): Lang {
  return rememberedLang() ?? browserLang() ?? 'zh';
}

/**
 * The browser's first language mapped onto the explorer's two (zh-TW, zh-Hant-HK → zh; en-GB, fr → en). The same
 * rule runs before the first paint in public/boot-lang.js (which cannot import anything; boot-lang.test.ts holds the
 * two to one table), so it is written out here too rather than taken from a detector library.
 */
export function browserLang(): Lang | null {
  try {
    const first = globalThis.navigator?.languages?.[0] ?? globalThis.navigator?.language;
    if (!first) return null;
    return /^zh(?:[-_]|$)/i.test(first) ? 'zh' : 'en';
  } catch {
    return null;
  }
}

/** A data object's name in the current language. */
export function pick(o: { zh: string; en: string }, lang: Lang): string {
  return lang === 'zh' ? o.zh : o.en;
}

export function planTitle(p: { titleZh: string; titleEn: string }, lang: Lang): string {
  return lang === 'zh' ? p.titleZh : p.titleEn;
}
