import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { carries, PARAM_KEYS, PARAMS } from './params.ts';
import { VIEWS } from './store.ts';

/** The rows of the parameter table in docs/app.md ("State and URL"): field(s), parameter names, views. */
function documentedRows() {
  const doc = readFileSync(new URL('../../docs/app.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('## State and URL'), doc.indexOf('\n## ', doc.indexOf('## State and URL') + 1));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| field'))
    .map((line) => {
      const [fields = '', param = '', , views = ''] = line.slice(2).split(' | ');
      return {
        fields: fields.split(', '),
        // Only the names before "=" in code spans (`at=<lat>…`, `source=…&line=…`), not the values shown.
        names: [...new Set([...param.matchAll(/(?:`|&)([a-z]+)=/g)].map((m) => m[1]))],
        views: views.trim() === 'all' ? 'all' : views.split(', ').map((v) => v.trim()),
      };
    });
}

describe('docs/app.md documents the parameter table', () => {
  const rows = documentedRows();
  it('a row per state key, in the writer’s order', () => {
    expect(rows.flatMap((r) => r.fields)).toEqual(PARAM_KEYS);
  });
  it.each(PARAM_KEYS)('%s: its parameter names and views', (key) => {
    const row = rows.find((r) => r.fields.includes(key));
    // A row may document several keys (from, to): its names are theirs together.
    expect(row?.names).toEqual(row?.fields.flatMap((f) => PARAMS[f as keyof typeof PARAMS].url));
    expect(row?.names).toEqual(expect.arrayContaining([...PARAMS[key].url]));
    expect(row?.views).toEqual(PARAMS[key].views === 'all' ? 'all' : VIEWS.filter((v) => carries(key, v)));
  });
});
