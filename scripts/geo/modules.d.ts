// Minimal typings for the untyped geo packages this folder uses.

declare module 'mapshaper' {
  /** Runs mapshaper CLI commands in memory; resolves to the output files' contents by file name. */
  export function applyCommands(commands: string, input: Record<string, string>): Promise<Record<string, string>>;
  const mapshaper: { applyCommands: typeof applyCommands };
  export default mapshaper;
}

declare module 'polylabel' {
  /** The pole of inaccessibility of a polygon (rings of [x, y]) with its distance to the nearest edge. */
  export default function polylabel(
    polygon: number[][][],
    precision?: number,
    debug?: boolean,
  ): [number, number] & { distance: number };
}

declare module 'topojson-server' {
  /** Builds a topology (shared arcs) from GeoJSON objects; without `quantization` the arcs keep exact coordinates. */
  export function topology(
    objects: Record<string, import('geojson').GeoJsonObject>,
    quantization?: number,
  ): { type: 'Topology'; arcs: number[][][]; objects: Record<string, unknown>; bbox?: number[] };
}
