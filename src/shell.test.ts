import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from './i18n/en.ts';
import { zh } from './i18n/zh.ts';

// index.html paints the page's frame before the app's script runs, in both languages (boot-lang.js sets <html lang>
// and CSS shows one); its text must be the app's own strings, or the first paint would show one text and the app
// another.
describe('index.html first paint', () => {
  const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');
  for (const [lang, strings] of [
    ['zh-CN', zh],
    ['en', en],
  ] as const)
    it(`holds the title, subtitle, intro, loading note and filters heading the app renders, in ${lang}`, () => {
      const { app, panel, filters } = strings;
      for (const text of [app.title, app.subtitle, panel.intro, app.loading, filters.heading])
        expect(html).toMatch(new RegExp(`lang="${lang}">${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}<`));
    });
  it('loads boot-lang.js in the head, before the body', () => {
    expect(html.indexOf('<script src="./boot-lang.js"></script>')).toBeGreaterThan(0);
    expect(html.indexOf('<script src="./boot-lang.js"></script>')).toBeLessThan(html.indexOf('<body>'));
  });
});
