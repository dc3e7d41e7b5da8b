import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zh } from './i18n/zh.ts';

// index.html paints the page's frame before any script runs; its text must be the app's own (Chinese) strings, or
// the first paint would show one text and the app another.
describe('index.html first paint', () => {
  const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');
  it('holds the title, subtitle and intro the app renders', () => {
    for (const text of [zh.app.title, zh.app.subtitle, zh.panel.intro, zh.app.loading, zh.filters.heading])
      expect(html).toContain(text);
  });
});
