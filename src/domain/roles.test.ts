import { describe, expect, it } from 'vitest';
import { isStrongerRole, roleRank, strongestRole } from './roles.ts';

describe('role strength', () => {
  it('ranks core before focus before supporting', () => {
    expect([roleRank('core'), roleRank('focus'), roleRank('supporting')]).toEqual([0, 1, 2]);
  });
  it('compares strictly', () => {
    expect(isStrongerRole('core', 'focus')).toBe(true);
    expect(isStrongerRole('focus', 'focus')).toBe(false);
    expect(isStrongerRole('supporting', 'focus')).toBe(false);
  });
  it('picks the strongest role, or null for none', () => {
    expect(strongestRole(['supporting', 'focus', 'supporting'])).toBe('focus');
    expect(strongestRole(['supporting', 'core'])).toBe('core');
    expect(strongestRole([])).toBeNull();
  });
});
