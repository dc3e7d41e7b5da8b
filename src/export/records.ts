import type { Assignment, Industry, PlaceFeature, Plan, Role } from '../domain/types';

/** What the exports join each assignment to. Pass the full published lists; the rows come from `assignments` alone. */
export interface ExportContext {
  plans: readonly Plan[];
  places: readonly Pick<PlaceFeature, 'id' | 'properties' | 'geometry'>[];
  industries: readonly Industry[];
}

export const ROLE_ZH: Record<Role, string> = { core: '核心', focus: '重点', supporting: '配套' };
/** The English labels the app shows (src/i18n/en.ts `role`), so a download reads like the screen. */
export const ROLE_EN: Record<Role, string> = { core: 'Core area', focus: 'Focus area', supporting: 'Supporting' };

/** One exported row: an assignment joined to its plan, place and industry. Missing joins give empty strings. */
export interface ExportRecord {
  assignment_id: string;
  plan_id: string;
  plan_year: number | null;
  plan_title_zh: string;
  plan_title_en: string;
  place_id: string;
  place_zh: string;
  place_en: string;
  place_level: string;
  city_id: string;
  place_as_written: string;
  industry_id: string;
  industry_zh: string;
  industry_en: string;
  industry_as_written: string;
  /** The industry as written, in English (the glossary's, else the industry's English name). */
  industry_as_written_en: string;
  role: Role;
  role_zh: string;
  role_en: string;
  products: string[];
  /** Parallel to products: the glossary's English (the project's own, unofficial). */
  products_en: string[];
  enterprises: string[];
  /** Parallel to enterprises: the company's own English name where it has one, else pinyin. */
  enterprises_en: string[];
  quote: string;
  /** The project's unofficial English translation of the quote; empty when there is none. */
  quote_en: string;
  source_file: string;
  source_line: number;
  source_start: number;
  source_end: number;
}

/** Column order of the CSV (and property order of the GeoJSON). */
export const EXPORT_COLUMNS: readonly (keyof ExportRecord)[] = [
  'assignment_id',
  'plan_id',
  'plan_year',
  'plan_title_zh',
  'plan_title_en',
  'place_id',
  'place_zh',
  'place_en',
  'place_level',
  'city_id',
  'place_as_written',
  'industry_id',
  'industry_zh',
  'industry_en',
  'industry_as_written',
  'industry_as_written_en',
  'role',
  'role_zh',
  'role_en',
  'products',
  'products_en',
  'enterprises',
  'enterprises_en',
  'quote',
  'quote_en',
  'source_file',
  'source_line',
  'source_start',
  'source_end',
];

export function exportRecords(assignments: readonly Assignment[], ctx: ExportContext): ExportRecord[] {
  const plans = new Map(ctx.plans.map((p) => [p.id, p]));
  const places = new Map(ctx.places.map((p) => [p.id, p]));
  const industries = new Map(ctx.industries.map((i) => [i.id, i]));
  return assignments.map((a) => {
    const plan = plans.get(a.plan);
    const place = places.get(a.place)?.properties;
    const industry = industries.get(a.industry);
    return {
      assignment_id: a.id,
      plan_id: a.plan,
      plan_year: plan?.year ?? null,
      plan_title_zh: plan?.titleZh ?? '',
      plan_title_en: plan?.titleEn ?? '',
      place_id: a.place,
      place_zh: place?.zh ?? '',
      place_en: place?.en ?? '',
      place_level: place?.level ?? '',
      city_id: place?.city ?? '',
      place_as_written: a.placeText,
      industry_id: a.industry,
      industry_zh: industry?.zh ?? '',
      industry_en: industry?.en ?? '',
      industry_as_written: a.industryZh,
      industry_as_written_en: a.industryTextEn,
      role: a.role,
      role_zh: ROLE_ZH[a.role],
      role_en: ROLE_EN[a.role],
      products: a.products,
      products_en: a.productsEn,
      enterprises: a.enterprises,
      enterprises_en: a.enterprisesEn,
      quote: a.quote,
      quote_en: a.quoteEn ?? '',
      source_file: a.source.file,
      source_line: a.source.line,
      source_start: a.source.start,
      source_end: a.source.end,
    };
  });
}
