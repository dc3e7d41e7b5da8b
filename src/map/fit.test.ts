import { describe, expect, test } from 'vitest';
import { bestFitPadding, FIT_EDGE, fitPaddings } from './fit.ts';

const EDGE = { top: FIT_EDGE, right: FIT_EDGE, bottom: FIT_EDGE, left: FIT_EDGE };

describe('fit paddings (shared by the live map and the static preview)', () => {
  test('no legend: the edge all round', () => {
    expect(fitPaddings({ width: 800, height: 600 }, null)).toEqual([EDGE]);
    expect(bestFitPadding({ width: 800, height: 600 }, null, { width: 1, height: 1 })).toEqual(EDGE);
  });

  test('a wide map keeps the province beside the legend, a tall one above it', () => {
    const legend = { width: 200, height: 150 };
    const content = { width: 500, height: 560 }; // Jiangxi is a little taller than wide
    expect(bestFitPadding({ width: 1000, height: 700 }, legend, content)).toEqual({ ...EDGE, left: 214 });
    expect(bestFitPadding({ width: 375, height: 500 }, legend, content)).toEqual({ ...EDGE, bottom: 164 });
  });

  test('a legend too large for either strip: the bottom strip, at most 80 % of the height', () => {
    expect(fitPaddings({ width: 300, height: 200 }, { width: 290, height: 190 })).toEqual([{ ...EDGE, bottom: 160 }]);
  });
});
