import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { zh } from './zh.ts';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('UI strings', () => {
  it('zh and en have the same keys', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });
  it('no string is empty', () => {
    for (const r of [zh, en]) for (const k of keys(r)) expect(k.split('.').reduce((o: any, p) => o[p], r)).not.toBe('');
  });
});
