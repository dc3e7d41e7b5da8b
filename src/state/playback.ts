/**
 * Plan timeline stepping and playback, as pure functions over the plans in year order (data.plans is sorted).
 * Play shows each plan once, 1.5 s apart, going round the cycle once: from "all plans" (or the last plan) it runs
 * first → last; from a plan in the middle it runs to the end, wraps to the first and stops back where it started.
 */

/** Time each plan stays on screen while playing. */
export const PLAY_STEP_MS = 1500;

/** The plan before/after `current`, wrapping round; from "all plans", next is the first plan and previous the last. */
export function stepPlan(plans: readonly string[], current: string, dir: 1 | -1): string {
  if (plans.length === 0) return current;
  const i = plans.indexOf(current);
  if (i < 0) return (dir === 1 ? plans[0] : plans[plans.length - 1]) ?? current;
  return plans[(i + dir + plans.length) % plans.length] ?? current;
}

/** The plans play will show, in order (the first is shown at once, the rest every PLAY_STEP_MS). */
export function playSequence(plans: readonly string[], current: string): string[] {
  const i = plans.indexOf(current);
  if (i < 0 || i === plans.length - 1) return [...plans];
  return [...plans.slice(i + 1), ...plans.slice(0, i + 1)];
}
