import type { Assignment, PlaceGeometry } from '../domain/types';
import { type ExportContext, type ExportRecord, exportRecords } from './records';

/**
 * GeoJSON (RFC 7946) of exactly the assignments given: one Feature per assignment, carrying its place's geometry and
 * the same columns as the CSV (lists stay arrays). One feature per assignment, not per place, keeps attributes flat
 * for GIS tools; a place with several assignments repeats its geometry. A place without geometry (a macro-region)
 * gets `geometry: null`, which RFC 7946 allows. Coordinates are GCJ-02 like places.geojson; `attribution` says so.
 */

export interface ExportFeatureProperties extends ExportRecord {
  /** True when the geometry is a stand-in (a park's point inside its host county). */
  approximate: boolean;
}

export interface ExportFeature {
  type: 'Feature';
  id: string;
  geometry: PlaceGeometry | null;
  properties: ExportFeatureProperties;
}

export interface ExportFeatureCollection {
  type: 'FeatureCollection';
  /** Provenance of the boundaries (pass the places file's attribution). */
  attribution?: string;
  features: ExportFeature[];
}

export interface GeoJsonOptions {
  attribution?: string;
}

export function toGeoJson(
  assignments: readonly Assignment[],
  ctx: ExportContext,
  options: GeoJsonOptions = {},
): ExportFeatureCollection {
  const places = new Map(ctx.places.map((p) => [p.id, p]));
  const records = exportRecords(assignments, ctx);
  const features = records.map((record): ExportFeature => {
    const place = places.get(record.place_id);
    return {
      type: 'Feature',
      id: record.assignment_id,
      geometry: place?.geometry ?? null,
      properties: { ...record, approximate: place?.properties.approximate === true },
    };
  });
  return options.attribution === undefined
    ? { type: 'FeatureCollection', features }
    : { type: 'FeatureCollection', attribution: options.attribution, features };
}

/** Serialised for download. */
export function geoJsonText(collection: ExportFeatureCollection): string {
  return `${JSON.stringify(collection)}\n`;
}

export const GEOJSON_MIME = 'application/geo+json';
