// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { embedSnippet } from './embed.ts';

describe('embed snippet', () => {
  it('is one iframe of the link, with a title, and parses back to the same URL', () => {
    const url = 'https://example.org/jiangxi/?plan=2014-key-industries&industry=photovoltaics&at=27.8,114.9,9';
    const html = embedSnippet(url, '江西产业布局地图 "beta"');
    expect(html).toMatch(/^<iframe [^>]*><\/iframe>$/);
    const frame = new DOMParser().parseFromString(html, 'text/html').querySelector('iframe');
    expect(frame?.getAttribute('src')).toBe(url);
    expect(frame?.getAttribute('title')).toBe('江西产业布局地图 "beta"');
    expect(html).toContain('&amp;industry=');
  });

  it('cannot be broken out of by a hostile link', () => {
    const html = embedSnippet('https://x/?a="><script>alert(1)</script>', 't');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('script').length).toBe(0);
    expect(doc.querySelectorAll('iframe').length).toBe(1);
  });
});
