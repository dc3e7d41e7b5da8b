/**
 * The build's reader for its plain CSV inputs (the area codes, the townships): a fixed header, one record a line, no
 * quoted fields. Those files never quote or embed commas; that is checked here, not assumed, so a copy saved by a
 * spreadsheet with quotes fails with its file and line instead of being split wrongly.
 */
import { BuildError } from './errors.ts';

export interface CsvRecord {
  /** 1-based line in the file, for messages. */
  line: number;
  /** The cells in header order (exactly as many as the header has). */
  values: string[];
}

export function readPlainCsv(text: string, file: string, header: readonly string[]): CsvRecord[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if ((lines[0] ?? '') !== header.join(',')) {
    throw new BuildError(file, 1, `unexpected header (want ${header.join(',')})`);
  }
  const records: CsvRecord[] = [];
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (i === 0 || raw.trim() === '') return;
    if (raw.includes('"')) throw new BuildError(file, line, 'quoted fields are not supported');
    const values = raw.split(',');
    if (values.length !== header.length) {
      throw new BuildError(file, line, `expected ${header.length} columns, found ${values.length}`);
    }
    records.push({ line, values });
  });
  return records;
}
