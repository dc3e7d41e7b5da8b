import { describe, expect, it } from 'vitest';
import { createDeriver } from '../state/derived.ts';
import { DEFAULT_STATE } from '../state/store.ts';
import { fixtureData } from '../test-fixtures/index.ts';
import { simplifyShared, staticMapMarkup } from './static-svg.ts';

describe('static map of the default view', () => {
  const data = fixtureData();
  const view = createDeriver(data)(DEFAULT_STATE);
  const markup = staticMapMarkup({ places: data.places, fills: view.fills, claimed: view.claimed });

  it('fills each city and county with the live map’s colour for the default view', () => {
    const cities = data.places.filter((p) => p.properties.level === 'city' && p.geometry);
    for (const c of cities) {
      expect(markup).toContain(`id="sm-${c.id}"`);
      expect(markup).toContain(`>${c.properties.zh}</tspan>`);
      expect(markup).toContain(`>${c.properties.en}</tspan>`);
    }
    for (const p of data.places.filter((q) => q.properties.level === 'county' && q.geometry)) {
      const colour = view.fills.get(p.id) ?? view.fills.get(p.properties.city ?? '');
      if (colour) expect(markup).toMatch(new RegExp(`<g fill="${colour}">[\\s\\S]*?id="sm-${p.id}"`));
    }
  });

  it('says it is a preview of the default view, in both languages, and hides the drawing from screen readers', () => {
    expect(markup).toContain('预览图');
    expect(markup).toContain('Preview (default view');
    expect(markup).toContain('aria-hidden="true"');
  });

  it('simplifies two rings with a shared border to the same points along it', () => {
    // Two squares sharing the wiggly edge x = 10 (points every unit, with tiny bumps the simplification removes).
    const edge: [number, number][] = [];
    for (let y = 0; y <= 10; y++) edge.push([10 + (y % 2 === 1 ? 0.4 : 0), y]);
    const left: [number, number][] = [[0, 0], ...edge, [0, 10]];
    const right: [number, number][] = [[20, 0], [20, 10], ...[...edge].reverse()];
    const removed = simplifyShared([left, right], 2);
    const key = (p: [number, number]) => p[0] * 65536 + p[1];
    expect(removed.size).toBeGreaterThan(0);
    const kept = (ring: [number, number][]) => ring.filter((p) => !removed.has(key(p)) && edge.includes(p));
    const onLeft = kept(left).map(String);
    const onRight = kept(right).map(String).reverse();
    expect(onLeft).toEqual(onRight);
    // The corners where the border meets the outline never move.
    expect(onLeft[0]).toBe('10,0');
    expect(onLeft.at(-1)).toBe('10,10');
  });
});
