/**
 * public/boot-lang.js (runs before the first paint) and the app (src/i18n initialLang + the URL's lang=) must start in
 * the same language, or the first paint would show one language and the explorer another: one table, both checked.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseUrl } from '../state/url.ts';
import { initialLang, STORAGE_KEY } from './index.ts';

const BOOT = readFileSync(new URL('../../public/boot-lang.js', import.meta.url), 'utf8');
const NO_IDS = {
  plans: new Set<string>(),
  industries: new Set<string>(),
  places: new Set<string>(),
  files: new Set<string>(),
};

interface Case {
  search: string;
  stored: string | null;
  languages: string[];
  expected: 'zh' | 'en';
}

const CASES: Case[] = [
  { search: '', stored: null, languages: ['en-US', 'en'], expected: 'en' },
  { search: '', stored: null, languages: ['fr-FR'], expected: 'en' },
  { search: '', stored: null, languages: ['zh-TW'], expected: 'zh' },
  { search: '', stored: null, languages: ['zh_Hans_CN'], expected: 'zh' },
  { search: '', stored: null, languages: ['zhx'], expected: 'en' },
  { search: '', stored: null, languages: [], expected: 'zh' },
  { search: '', stored: 'zh', languages: ['en-US'], expected: 'zh' },
  { search: '', stored: 'en', languages: ['zh-CN'], expected: 'en' },
  { search: '', stored: 'de', languages: ['zh-CN'], expected: 'zh' },
  { search: '?lang=en', stored: 'zh', languages: ['zh-CN'], expected: 'en' },
  { search: '?lang=zh', stored: 'en', languages: ['en-US'], expected: 'zh' },
  { search: '?lang=fr', stored: null, languages: ['en-US'], expected: 'en' },
  { search: '?view=matrix&lang=en', stored: null, languages: [], expected: 'en' },
];

function bootLang(c: Case): string {
  const html = { lang: '' };
  const context = {
    URLSearchParams,
    location: { search: c.search },
    localStorage: { getItem: (k: string) => (k === STORAGE_KEY ? c.stored : null) },
    navigator: { languages: c.languages, language: c.languages[0] },
    document: { documentElement: html },
  };
  vm.runInNewContext(BOOT, context);
  return html.lang;
}

function appLang(c: Case): string {
  vi.stubGlobal('navigator', { languages: c.languages, language: c.languages[0] });
  vi.stubGlobal('localStorage', { getItem: (k: string) => (k === STORAGE_KEY ? c.stored : null), setItem: () => {} });
  return parseUrl(c.search, NO_IDS, initialLang()).lang;
}

describe('the language of the first paint', () => {
  afterEach(() => vi.unstubAllGlobals());
  for (const c of CASES)
    it(`${c.search || 'no lang='}, stored ${c.stored}, browser ${c.languages.join(',') || 'none'} → ${c.expected}`, () => {
      expect(appLang(c)).toBe(c.expected);
      expect(bootLang(c)).toBe(c.expected === 'en' ? 'en' : 'zh-CN');
    });

  it('boot-lang.js reads the key the app stores the choice under', () => {
    expect(BOOT).toContain(`'${STORAGE_KEY}'`);
  });
});
