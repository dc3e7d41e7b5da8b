/**
 * How the benchmark prints: Markdown-like tables, fixed-precision figures, and the budgets (issues 6 and 12) as rows
 * of data judged by one rule and rendered by one table.
 */

export const kb = (bytes: number) => bytes / 1024;
export const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
export const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '—');
export const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '—');
const clip = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

export function table(title: string, head: string[], rows: (string | number)[][]): void {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const width = head.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat((width[i] ?? 0) - [...c].length)).join('  ');
  console.log(`\n## ${title}\n`);
  console.log(line(head));
  console.log(width.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

/** A budget as bench.json records it: met is null when the figure could not be measured. */
export interface Budget {
  name: string;
  figure: string;
  budget: string;
  met: boolean | null;
  note?: string;
}

/**
 * A budget to judge: `value` against `atMost` or `atLeast`. Not measured (met: null) when `value` is not a finite
 * number or `measured` is false (e.g. no data request was seen).
 */
export interface BudgetRule {
  name: string;
  /** The measured figure as printed. */
  figure: string;
  /** The budget as printed. */
  budget: string;
  value: number;
  atMost?: number;
  atLeast?: number;
  measured?: boolean;
  note?: string;
}

export function judge(rule: BudgetRule): Budget {
  const { name, figure, budget, value, atMost, atLeast, measured = true, note } = rule;
  let met: boolean | null = null;
  if (measured && Number.isFinite(value)) met = atMost !== undefined ? value <= atMost : value >= (atLeast ?? value);
  return { name, figure, budget, met, note };
}

const verdict = (met: boolean | null) => (met === null ? 'n/a' : met ? 'met' : 'MISSED');

export function budgetTable(budgets: Budget[]): void {
  table(
    'Budgets (issue 6; "(12)": issue 12)',
    ['figure', 'measured', 'budget', 'verdict', 'note'],
    budgets.map((b) => [b.name, b.figure, b.budget, verdict(b.met), clip(b.note ?? '', 110)]),
  );
}
