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
 * The language the page starts in when the URL does not say: the remembered choice, else Chinese (the plans'
 * language). Not the browser's language, so that a link without ?lang= opens the same for everyone first time.
 */
export function initialLang(): Lang {
  return rememberedLang() ?? 'zh';
}

/** A data object's name in the current language. */
export function pick(o: { zh: string; en: string }, lang: Lang): string {
  return lang === 'zh' ? o.zh : o.en;
}

export function planTitle(p: { titleZh: string; titleEn: string }, lang: Lang): string {
  return lang === 'zh' ? p.titleZh : p.titleEn;
}
