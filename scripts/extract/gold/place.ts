/**
 * The gold files' place resolution, shared by build-gold.ts, resolve.ts and score-items.ts: a place as written
 * (optionally `written=id` to override) → its gazetteer id on the plan's date. Compounds the gazetteer does not know as
 * one form (九江湖口) are read the way the extraction reads them (the last mention of the written form).
 */
import type { Gazetteer } from '../../gazetteer/types.ts';
import { findMentions } from '../mentions.ts';

export function resolveGoldPlace(gazetteer: Gazetteer, written: string, date: string): string | undefined {
  const [placeZh = '', override] = written.split('=');
  if (override) return override;
  const direct = gazetteer.resolve(placeZh, date);
  if (direct) return direct.id;
  return findMentions(placeZh, gazetteer, date).at(-1)?.place.id;
}
