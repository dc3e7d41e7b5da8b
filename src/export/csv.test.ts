import { describe, expect, it } from 'vitest';
import { PV_2012, PV_ALL } from '../analysis/fixtures/pv';
import type { Assignment } from '../domain/types';
import { BOM, csvField, toCsv } from './csv';
import { EXPORT_CONTEXT } from './fixtures';
import { EXPORT_COLUMNS } from './records';

/** A minimal RFC 4180 reader, written here so the test does not trust the writer's own assumptions. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('file does not end with CRLF');
  return rows;
}

const tricky: Assignment = {
  ...(PV_2012[0] as Assignment),
  id: 'tricky',
  // ASCII comma and quotes, Chinese quotes and comma, and a line break inside the quote.
  quote: '打造以新余为核心区，上饶、九江为集聚区的“一核两区”产业布局, 即"one core, two zones"\n第二行。',
  products: ['硅料,硅片', '电池"组件"'],
  productsEn: ['polysilicon, silicon wafers', 'cells "and" modules'],
  enterprises: ['赛维LDK'],
  enterprisesEn: ['LDK Solar Co., Ltd.'],
  quoteEn: 'Build the "one core, two zones" layout,\nline two.',
};

describe('toCsv', () => {
  it('starts with the UTF-8 byte-order mark, so Excel reads Chinese', () => {
    const bytes = new TextEncoder().encode(toCsv(PV_ALL, EXPORT_CONTEXT));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(toCsv(PV_ALL, EXPORT_CONTEXT, { bom: false }).startsWith('assignment_id,')).toBe(true);
  });

  it('round-trips: one row per assignment given, fields read back as written', () => {
    const rows = parseCsv(toCsv(PV_ALL, EXPORT_CONTEXT).slice(BOM.length));
    expect(rows[0]).toEqual(EXPORT_COLUMNS);
    expect(rows).toHaveLength(PV_ALL.length + 1);
    const col = (name: string) => EXPORT_COLUMNS.indexOf(name as (typeof EXPORT_COLUMNS)[number]);
    for (const [i, a] of PV_ALL.entries()) {
      const r = rows[i + 1] ?? [];
      expect(r).toHaveLength(EXPORT_COLUMNS.length);
      expect(r[col('assignment_id')]).toBe(a.id);
      expect(r[col('quote')]).toBe(a.quote);
      expect(r[col('role')]).toBe(a.role);
      expect(r[col('source_line')]).toBe(String(a.source.line));
      expect(r[col('products')]).toBe(a.products.join('、'));
    }
    const xinyu68 = rows.find((r) => r[col('assignment_id')]?.includes(':68:'));
    expect(xinyu68?.slice(col('place_id'), col('place_level') + 1)).toEqual(['360500', '新余市', 'Xinyu', 'city']);
    expect(xinyu68?.[col('enterprises')]).toBe('赛维LDK、瑞晶、升阳光电');
    expect(xinyu68?.[col('plan_title_zh')]).toBe('江西省工业和信息化“十二五”发展规划');
    expect(xinyu68?.[col('role_zh')]).toBe('重点');
    expect(xinyu68?.[col('role_en')]).toBe('Focus area');
    expect(xinyu68?.[col('enterprises_en')]).toBe('LDK Solar; Ruijing; Shengyang Optoelectronics');
    expect(xinyu68?.[col('products_en')]).toBe('polysilicon; silicon wafers; cells and modules');
    expect(xinyu68?.[col('quote_en')]).toMatch(/^Xinyu will rely on leading enterprises such as LDK Solar/);
    expect(xinyu68?.[col('industry_as_written_en')]).toBe('Photovoltaics');
  });

  it('keeps the Chinese columns beside their English ones, lists parallel', () => {
    for (const [zh, en] of [
      ['role_zh', 'role_en'],
      ['products', 'products_en'],
      ['enterprises', 'enterprises_en'],
      ['quote', 'quote_en'],
      ['industry_as_written', 'industry_as_written_en'],
    ] as const) {
      expect(EXPORT_COLUMNS).toContain(zh);
      expect(EXPORT_COLUMNS.indexOf(en)).toBeGreaterThan(EXPORT_COLUMNS.indexOf(zh));
    }
    const rows = parseCsv(toCsv(PV_ALL, EXPORT_CONTEXT).slice(BOM.length));
    const col = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name);
    for (const r of rows.slice(1)) {
      const zh = r[col('products')] ? (r[col('products')] ?? '').split('、') : [];
      const en = r[col('products_en')] ? (r[col('products_en')] ?? '').split('; ') : [];
      expect(en).toHaveLength(zh.length);
    }
  });

  it('writes an empty quote_en when a sentence has no translation', () => {
    const r = parseCsv(toCsv([{ ...tricky, quoteEn: null }], EXPORT_CONTEXT, { bom: false }))[1] ?? [];
    expect(r[EXPORT_COLUMNS.indexOf('quote_en')]).toBe('');
  });

  it('escapes commas, quotes and newlines in Chinese text and reads them back intact', () => {
    const text = toCsv([tricky], EXPORT_CONTEXT, { bom: false });
    const rows = parseCsv(text);
    expect(rows).toHaveLength(2);
    const r = rows[1] ?? [];
    expect(r[EXPORT_COLUMNS.indexOf('quote')]).toBe(tricky.quote);
    expect(r[EXPORT_COLUMNS.indexOf('products')]).toBe('硅料,硅片、电池"组件"');
    expect(text).toContain('"硅料,硅片、电池""组件"""');
    expect(r[EXPORT_COLUMNS.indexOf('quote_en')]).toBe(tricky.quoteEn);
    expect(r[EXPORT_COLUMNS.indexOf('products_en')]).toBe('polysilicon, silicon wafers; cells "and" modules');
    expect(r[EXPORT_COLUMNS.indexOf('enterprises_en')]).toBe('LDK Solar Co., Ltd.');
  });

  it('writes only the assignments given (an empty filter gives just the header)', () => {
    expect(parseCsv(toCsv([], EXPORT_CONTEXT).slice(1))).toEqual([[...EXPORT_COLUMNS]]);
    expect(parseCsv(toCsv(PV_2012.slice(0, 2), EXPORT_CONTEXT).slice(1))).toHaveLength(3);
  });

  it('keeps joins empty for unknown plans, places and industries instead of failing', () => {
    const orphan = { ...tricky, plan: 'nope', place: 'nowhere', industry: 'unknown' };
    const r = parseCsv(toCsv([orphan], EXPORT_CONTEXT).slice(1))[1] ?? [];
    expect(r[EXPORT_COLUMNS.indexOf('place_zh')]).toBe('');
    expect(r[EXPORT_COLUMNS.indexOf('plan_year')]).toBe('');
    expect(r[EXPORT_COLUMNS.indexOf('place_id')]).toBe('nowhere');
  });
});

describe('csvField', () => {
  it('quotes only when needed', () => {
    expect(csvField('新余')).toBe('新余');
    expect(csvField('新余，上饶')).toBe('新余，上饶'); // a full-width comma is not a separator
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"好"')).toBe('"说""好"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('');
  });

  it('stops spreadsheets from running text as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('--新余市以赛维LDK')).toBe("'--新余市以赛维LDK");
    expect(csvField('--新余', false)).toBe('--新余');
    expect(csvField(-5)).toBe('-5'); // numbers are numbers
  });
});
