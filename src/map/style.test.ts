import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { buildStyle, LAYERS } from './style.ts';

// The style is plain data; the style spec's own validator catches a typo in a paint property or an expression
// before a user meets a blank map (as maplibre-gl-js does for its own styles).
describe('the map style', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`is valid against the MapLibre style spec (${lang})`, () => {
      expect(validateStyleMin(buildStyle(lang)).map((e) => e.message)).toEqual([]);
    });
  }

  it('needs no glyph or tile server (labels are drawn from fonts the site serves)', () => {
    const style = buildStyle('zh');
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) expect(source.type).toBe('geojson');
  });

  it('has every layer the tests and benchmarks rely on', () => {
    const ids = buildStyle('en').layers.map((l) => l.id);
    for (const id of Object.values(LAYERS)) expect(ids).toContain(id);
  });
});
