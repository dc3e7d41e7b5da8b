/** One row of a gold annotation file (scripts/extract/gold/NNN.json), written by build-gold.ts, read by gold.test.ts. */
export interface GoldRow {
  line: number;
  sentence: string;
  placeZh: string;
  place: string;
  industry: string;
  role: string;
  note?: string;
}
