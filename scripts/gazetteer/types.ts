import type { PlaceProperties } from '../../src/domain/types.ts';

/** A place as the gazetteer knows it: the published properties plus its id. Geometry is added by scripts/geo. */
export interface GazetteerPlace extends PlaceProperties {
  id: string;
}

export interface ResolveContext {
  /** Code of the city whose clause the mention sits in: narrows short forms such as a park's short name. */
  city?: string | null;
}

/** Answers "what did this written name mean on this date?" from the files in data/. */
export interface Gazetteer {
  readonly places: readonly GazetteerPlace[];
  byId(id: string): GazetteerPlace | undefined;
  /**
   * The place a written form meant on `date` (ISO "YYYY-MM-DD" or "YYYY-MM"), e.g. 南康 on 2012-01-14 → 南康市 (360782),
   * on 2014-01-20 → 南康区 (360703). A bare city name (南昌, 九江) means the prefecture-level city, not a county of the
   * same name. Undefined when the form is unknown.
   */
  resolve(form: string, date: string, context?: ResolveContext): GazetteerPlace | undefined;
  /** Every written form the gazetteer knows, longest first, for longest-match scanning of text. */
  readonly forms: readonly string[];
}
