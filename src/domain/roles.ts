/**
 * The one derivation of role strength, shared by the build (scripts/extract) and the app.
 * The order itself is ROLES in ./types.ts (strongest first); nothing else should compare roles.
 */
import { ROLES, type Role } from './types.ts';

/** 0 for the strongest role (core), larger for weaker ones; the order of ROLES. */
export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

/** Whether `role` is strictly stronger than `than`. */
export function isStrongerRole(role: Role, than: Role): boolean {
  return roleRank(role) < roleRank(than);
}

/** The strongest of some roles (the first in ROLES order), or null when there are none. */
export function strongestRole(roles: Iterable<Role>): Role | null {
  let best: Role | null = null;
  for (const role of roles) if (best === null || isStrongerRole(role, best)) best = role;
  return best;
}
