import { describe, expect, it } from 'vitest';
import { playSequence, stepPlan } from './playback.ts';

const plans = ['2012', '2014', '2016', '2018a', '2018b'];

describe('plan stepping', () => {
  it('steps forward and back in year order, wrapping round', () => {
    expect(stepPlan(plans, '2014', 1)).toBe('2016');
    expect(stepPlan(plans, '2014', -1)).toBe('2012');
    expect(stepPlan(plans, '2018b', 1)).toBe('2012');
    expect(stepPlan(plans, '2012', -1)).toBe('2018b');
  });

  it('from all plans, next is the first plan and previous the last', () => {
    expect(stepPlan(plans, 'all', 1)).toBe('2012');
    expect(stepPlan(plans, 'all', -1)).toBe('2018b');
    expect(stepPlan([], 'all', 1)).toBe('all');
  });
});

describe('play', () => {
  it('shows every plan once, going round the cycle once', () => {
    expect(playSequence(plans, 'all')).toEqual(plans);
    expect(playSequence(plans, '2018b')).toEqual(plans);
    expect(playSequence(plans, '2014')).toEqual(['2016', '2018a', '2018b', '2012', '2014']);
  });
});
