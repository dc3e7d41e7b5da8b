import { describe, expect, it, vi } from 'vitest';
import { en } from './en.ts';
import { browserLang, createI18n, initialLang } from './index.ts';
import { zh } from './zh.ts';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('UI strings', () => {
  it('zh and en have the same keys', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });
  it('no string is empty', () => {
    for (const r of [zh, en]) for (const k of keys(r)) expect(k.split('.').reduce((o: any, p) => o[p], r)).not.toBe('');
  });
});

describe('English sentences a visitor reads', () => {
  const t = createI18n('en').t;
  it('counts agree with their nouns (no "1 assignments")', () => {
    expect(t('panel.assignmentCount', { count: 1 })).toBe('1 assignment');
    expect(t('panel.assignmentCount', { count: 3 })).toBe('3 assignments');
    expect(
      t('panel.summary', {
        assignments: t('panel.assignmentCount', { count: 1 }),
        plans: t('panel.planCount', { count: 1 }),
      }),
    ).toBe('1 assignment in 1 plan');
    expect(t('source.produced', { count: 1 })).toBe('This sentence produced 1 assignment:');
    expect(t('downloads.scope', { count: 1, what: 'x' })).toBe('1 assignment shown: x');
    expect(t('panel.industryCount', { count: 1 })).toBe('1 industry');
  });
  it('industry sentences read right for plural and mass nouns', () => {
    expect(t('industryView.heading', { industry: 'Lithium batteries' })).toBe(
      'Lithium batteries: where the plans put it',
    );
    expect(t('industryView.heading', { industry: 'Photovoltaics' })).not.toMatch(/\bgoes\b/);
  });
  it('Chinese keeps one form for every count', () => {
    const zhT = createI18n('zh').t;
    expect(zhT('panel.assignmentCount', { count: 1 })).toBe('1 条布局');
    expect(zhT('panel.assignmentCount', { count: 2 })).toBe('2 条布局');
  });
});

describe('the first visit follows the browser (the URL and the stored choice win elsewhere)', () => {
  const withLanguages = (languages: string[] | undefined, run: () => void) => {
    const nav = { languages, language: languages?.[0] };
    vi.stubGlobal('navigator', nav);
    vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {} });
    try {
      run();
    } finally {
      vi.unstubAllGlobals();
    }
  };
  it('maps the browser language onto zh / en', () => {
    withLanguages(['en-GB', 'en'], () => expect(initialLang()).toBe('en'));
    withLanguages(['zh-TW'], () => expect(initialLang()).toBe('zh'));
    withLanguages(['zh-Hans-CN', 'en'], () => expect(initialLang()).toBe('zh'));
    withLanguages(['fr-FR', 'zh'], () => expect(browserLang()).toBe('en'));
    withLanguages([], () => expect(initialLang()).toBe('zh'));
  });
  it('a stored choice wins over the browser', () => {
    vi.stubGlobal('navigator', { languages: ['en-US'], language: 'en-US' });
    vi.stubGlobal('localStorage', { getItem: () => 'zh', setItem: () => {} });
    try {
      expect(initialLang()).toBe('zh');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('counted nouns inside other sentences', () => {
  const t = createI18n('en').t;
  it('agree with their numbers', () => {
    expect(t('industryProfile.ofPlans', { place: 'Xinyu', n: 1, total: 1 })).toBe('Xinyu (1 of 1 plan)');
    expect(t('industryProfile.persistence', { n: 2, total: 3, latest: 2018 })).toBe('2 of 3 plans, latest 2018');
    expect(t('matrix.totalCell', { cities: 1, counties: 2 })).toBe('1 city, 2 counties');
    expect(t('overlap.cityLine', { industries: 1, count: 1, share: 100 })).toMatch(/^1 industry, 1 assignment;/);
    expect(t('panel.elsewhere', { industry: 'Lithium batteries' })).toBe('Named for Lithium batteries instead:');
  });
});
