import { describe, expect, it } from 'vitest';
import type { Assignment } from '../domain/types';
import { P2012, P2014, P2016, P2018, PLACE, PV_2014, PV_2016, PV_ALL, PV_INDUSTRIES } from '../test-fixtures/pv';
import { buildMatrix, cellAt, filterMatrix, type MatrixPlace, matrixColumns, matrixRows, sortMatrix } from './matrix';

const city = (id: string): MatrixPlace => ({ id, properties: { city: id, level: 'city' } });
const PLACES: MatrixPlace[] = [
  ...Object.values(PLACE).map(city),
  { id: '360502', properties: { city: PLACE.xinyu, level: 'county' } },
  { id: 'park-xinyu-hi-tech', properties: { city: PLACE.xinyu, level: 'park' } },
  { id: 'macro-gannan', properties: { city: null, level: 'macro' } },
];
const PLAN_ORDER = [P2012, P2014, P2016, P2018];

// Extra rows that exercise the in-city order: a park and a county of 新余, and a macro-region.
const extra: Assignment[] = [
  { ...(PV_2014[0] as Assignment), id: 'park', place: 'park-xinyu-hi-tech' },
  { ...(PV_2014[0] as Assignment), id: 'county', place: '360502', role: 'supporting' },
  { ...(PV_2014[0] as Assignment), id: 'macro', place: 'macro-gannan', industry: 'pharma-tcm' },
];

describe('buildMatrix', () => {
  const matrix = buildMatrix(PV_ALL, PLACES, PV_INDUSTRIES, { planOrder: PLAN_ORDER });

  it('gives 新余 core across all plans, with the plans in order and every sentence behind it', () => {
    const cell = cellAt(matrix, PLACE.xinyu, 'photovoltaics');
    expect(cell?.role).toBe('core');
    expect(cell?.plans).toEqual([P2012, P2014, P2018]);
    expect(cell?.byPlan[P2018]?.role).toBe('focus');
    expect(cell?.byPlan[P2012]?.assignmentIds).toHaveLength(2);
    expect(cell?.byPlan[P2012]?.role).toBe('focus');
    // Strongest first: the one core sentence (2014: 以新余为核心区) before the focus ones.
    expect(cell?.assignmentIds[0]?.startsWith(P2014)).toBe(true);
    expect(cell?.assignmentIds).toHaveLength(4);
  });

  it('groups columns under their top-level industry, parent first', () => {
    expect(matrix.columnGroups).toEqual([
      {
        industry: 'photovoltaics',
        columns: [
          { industry: 'photovoltaics', count: 9 },
          { industry: 'photovoltaics-crystalline', count: 3 },
          { industry: 'photovoltaics-thin-film', count: 2 },
        ],
      },
    ]);
  });

  it('orders rows by city code', () => {
    expect(matrixRows(matrix).map((r) => r.place)).toEqual(Object.values(PLACE));
  });

  it('puts a city before its counties and parks, and places without a city last', () => {
    const m = buildMatrix([...PV_2014, ...extra], PLACES, PV_INDUSTRIES);
    expect(m.rowGroups.map((g) => g.city)).toEqual([PLACE.jiujiang, PLACE.xinyu, PLACE.shangrao, null]);
    expect(m.rowGroups[1]?.rows.map((r) => r.place)).toEqual([PLACE.xinyu, '360502', 'park-xinyu-hi-tech']);
    expect(matrixColumns(m)).toEqual(['photovoltaics', 'pharma-tcm']);
    expect(m.columnGroups.map((g) => g.industry)).toEqual(['photovoltaics', 'pharma']);
  });

  it("rolls sub-industries into their top-level column at level 'top'", () => {
    const m = buildMatrix(PV_2016, PLACES, PV_INDUSTRIES, { level: 'top' });
    expect(matrixColumns(m)).toEqual(['photovoltaics']);
    expect(cellAt(m, PLACE.jiujiang, 'photovoltaics')?.role).toBe('core');
    expect(cellAt(m, PLACE.jiujiang, 'photovoltaics')?.assignmentIds).toHaveLength(2);
  });

  it('keeps requested empty rows and unknown places', () => {
    const m = buildMatrix([{ ...(PV_2014[0] as Assignment), place: 'nowhere' }], PLACES, PV_INDUSTRIES, {
      includePlaces: [PLACE.jian],
    });
    expect(matrixRows(m).map((r) => [r.place, Object.keys(r.cells).length])).toEqual([
      [PLACE.jian, 0],
      ['nowhere', 1],
    ]);
  });
});

describe('sortMatrix and filterMatrix', () => {
  const matrix = buildMatrix(PV_ALL, PLACES, PV_INDUSTRIES, { planOrder: PLAN_ORDER });

  it('ranks the whole province by role in a column, empty cells last', () => {
    const sorted = sortMatrix(matrix, { by: 'industry', industry: 'photovoltaics-thin-film' }, false);
    expect(
      matrixRows(sorted)
        .map((r) => r.place)
        .slice(0, 2),
    ).toEqual([PLACE.nanchang, PLACE.jiujiang]);
    const byPv = matrixRows(sortMatrix(matrix, { by: 'industry', industry: 'photovoltaics', direction: 'asc' }, false));
    expect(byPv.at(-1)?.place).toBe(PLACE.xinyu);
    expect(byPv[0]?.cells.photovoltaics?.role).toBe('supporting');
  });

  it('sorts by number of industries within each city group', () => {
    const sorted = sortMatrix(matrix, { by: 'count' }, false);
    expect(matrixRows(sorted)[0]?.place).toBe(PLACE.jiujiang); // pv, crystalline, thin-film
  });

  it('filters by plan and recomputes the role of a cell', () => {
    const only2018 = filterMatrix(matrix, { plans: [P2018] }, PV_INDUSTRIES);
    expect(matrixRows(only2018).map((r) => r.place)).toEqual([PLACE.xinyu, PLACE.shangrao]);
    expect(cellAt(only2018, PLACE.xinyu, 'photovoltaics')).toMatchObject({ role: 'focus', plans: [P2018] });
    expect(cellAt(only2018, PLACE.xinyu, 'photovoltaics')?.assignmentIds).toHaveLength(1);
    expect(matrixColumns(only2018)).toEqual(['photovoltaics']);
  });

  it('filters by role and drops empty rows and columns', () => {
    const core = filterMatrix(matrix, { roles: ['core'] }, PV_INDUSTRIES);
    expect(matrixRows(core).map((r) => r.place)).toEqual([PLACE.nanchang, PLACE.jiujiang, PLACE.xinyu]);
    expect(core.columnGroups[0]?.columns).toEqual([
      { industry: 'photovoltaics', count: 1 },
      { industry: 'photovoltaics-thin-film', count: 2 },
    ]);
    const none = filterMatrix(matrix, { cities: ['369900'] }, PV_INDUSTRIES);
    expect(none).toEqual({ columnGroups: [], rowGroups: [] });
  });
});
