import type { Assignment } from '../domain/types';
import { EXPORT_COLUMNS, type ExportContext, exportRecords } from './records';

/**
 * CSV of exactly the assignments given, for Excel and for scripts.
 *
 * A small writer rather than a library: writing RFC 4180 is only "quote a field that holds a comma, quote, CR or LF,
 * and double its quotes", no CSV library is installed in the shared node_modules, and the app never parses CSV.
 * - UTF-8 with a byte-order mark, so Excel picks UTF-8 and shows Chinese instead of mojibake.
 * - CRLF between records, as RFC 4180 says (Excel and every parser accept it); newlines inside a field are kept.
 * - Lists (products, enterprises) are joined with 、 as the plans write them; their English columns (products_en,
 *   enterprises_en) with "; ", since an English term may hold a comma ("Co., Ltd.").
 * - Formula guard (on by default): a text field starting with = + - @ (or tab/CR) gets a leading apostrophe, so Excel
 *   shows the text instead of evaluating it (OWASP "CSV injection"). Quotes are sentences from the plans, but some
 *   plan lines start with "--".
 */

export const BOM = '\uFEFF';
export const LIST_SEPARATOR = '、';
export const LIST_SEPARATOR_EN = '; ';

export interface CsvOptions {
  /** Prefix the byte-order mark (default true). */
  bom?: boolean;
  /** Neutralise text that a spreadsheet would run as a formula (default true). */
  formulaGuard?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted when RFC 4180 requires it. */
export function csvField(value: string | number | null | undefined, formulaGuard = true): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (formulaGuard && typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly (string | number | null | undefined)[], formulaGuard = true): string {
  return values.map((v) => csvField(v, formulaGuard)).join(',');
}

/** The whole file as a string (BOM included unless disabled); header row first, then one row per assignment. */
export function toCsv(assignments: readonly Assignment[], ctx: ExportContext, options: CsvOptions = {}): string {
  const guard = options.formulaGuard ?? true;
  const lines = [csvLine(EXPORT_COLUMNS, guard)];
  for (const record of exportRecords(assignments, ctx)) {
    lines.push(
      csvLine(
        EXPORT_COLUMNS.map((column) => {
          const value = record[column];
          if (!Array.isArray(value)) return value;
          return value.join(column.endsWith('_en') ? LIST_SEPARATOR_EN : LIST_SEPARATOR);
        }),
        guard,
      ),
    );
  }
  return `${options.bom === false ? '' : BOM}${lines.join('\r\n')}\r\n`;
}

export const CSV_MIME = 'text/csv;charset=utf-8';
