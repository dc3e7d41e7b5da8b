import { describe, expect, it } from 'vitest';
import { PLACE, PV_2014 } from '../analysis/fixtures/pv';
import type { Assignment } from '../domain/types';
import { EXPORT_CONTEXT, EXPORT_PLACES } from './fixtures';
import { geoJsonText, toGeoJson } from './geojson';
import { exportRecords } from './records';

const park: Assignment = { ...(PV_2014[0] as Assignment), id: 'park', place: 'park-xinyu-hi-tech' };
const macro: Assignment = { ...(PV_2014[0] as Assignment), id: 'macro', place: 'macro-gannan' };

describe('toGeoJson', () => {
  it('writes one feature per assignment given, with its place geometry', () => {
    const fc = toGeoJson(PV_2014, EXPORT_CONTEXT);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f) => f.id)).toEqual(PV_2014.map((a) => a.id));
    const xinyu = fc.features.find((f) => f.properties.place_id === PLACE.xinyu);
    expect(xinyu?.geometry).toEqual(EXPORT_PLACES.find((p) => p.id === PLACE.xinyu)?.geometry);
    expect(xinyu?.properties).toMatchObject({ place_zh: '新余市', role: 'core', approximate: false });
  });

  it('marks approximate park points and keeps macro-regions with null geometry', () => {
    const fc = toGeoJson([park, macro], EXPORT_CONTEXT);
    expect(fc.features[0]?.geometry?.type).toBe('Point');
    expect(fc.features[0]?.properties.approximate).toBe(true);
    expect(fc.features[1]?.geometry).toBeNull();
  });

  it('round-trips through JSON with the same columns as the CSV, lists as arrays', () => {
    const fc = toGeoJson(PV_2014, EXPORT_CONTEXT, { attribution: 'boundaries: test' });
    const back = JSON.parse(geoJsonText(fc));
    expect(back).toEqual(fc);
    expect(back.attribution).toBe('boundaries: test');
    const { approximate, ...props } = back.features[0].properties;
    expect(props).toEqual(exportRecords(PV_2014, EXPORT_CONTEXT)[0]);
    expect(Array.isArray(props.products)).toBe(true);
    expect(props.products_en).toEqual(PV_2014[0]?.productsEn);
    expect(props.enterprises_en).toEqual(PV_2014[0]?.enterprisesEn);
    expect(props.quote_en).toBe(PV_2014[0]?.quoteEn);
    expect(props.role_en).toBe('Core area');
  });
});
