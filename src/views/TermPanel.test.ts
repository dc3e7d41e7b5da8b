import { describe, expect, it } from 'vitest';
import { roleRank, strongestRole } from '../domain/roles.ts';
import { fixtureData } from '../test-fixtures/index.ts';
import { termPlaces } from './TermPanel.tsx';

describe('termPlaces', () => {
  const data = fixtureData();
  const places = termPlaces(data.assignments, data, 'zh');

  it('groups the assignments by place, each place with its strongest role (src/domain/roles.ts)', () => {
    expect(places.reduce((n, p) => n + p.list.length, 0)).toBe(data.assignments.length);
    expect(new Set(places.map((p) => p.place)).size).toBe(places.length);
    for (const p of places) {
      expect(p.list.every((a) => a.place === p.place)).toBe(true);
      expect(p.strongest).toBe(strongestRole(p.list.map((a) => a.role)));
    }
  });

  it('puts the strongest role first, then cities before counties and parks', () => {
    const ranks = places.map((p) => roleRank(p.strongest));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const level = (id: string) => data.placeById.get(id)?.properties.level;
    const core = places.filter((p) => p.strongest === 'core').map((p) => level(p.place));
    const firstCounty = core.indexOf('county');
    if (firstCounty >= 0) expect(core.slice(firstCounty)).not.toContain('city');
  });
});
