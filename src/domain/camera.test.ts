import { describe, expect, it } from 'vitest';
import { DEGREE_TOLERANCE, formatCamera, parseCamera, sameCamera, ZOOM_TOLERANCE } from './camera.ts';

describe('same camera', () => {
  const c = { lat: 28.68, lon: 115.89, zoom: 8.2 };

  it('the tolerance is half a unit of the last digit a link keeps', () => {
    expect(DEGREE_TOLERANCE).toBeCloseTo(5e-5, 12);
    expect(ZOOM_TOLERANCE).toBeCloseTo(5e-3, 12);
  });

  it('a move below link precision is the same camera; a move a link shows is not', () => {
    expect(sameCamera(c, { lat: 28.680001, lon: 115.89, zoom: 8.2001 })).toBe(true);
    expect(sameCamera(c, { lat: 28.68, lon: 115.89, zoom: 8.21 })).toBe(false);
    expect(sameCamera(c, { lat: 28.6802, lon: 115.89, zoom: 8.2 })).toBe(false);
    expect(sameCamera(c, { lat: 28.68, lon: 115.8899, zoom: 8.2 })).toBe(false);
  });

  it('every camera is the same as the camera its link reads back', () => {
    // Deterministic spread over Jiangxi, including values that round at exactly half a unit.
    const cameras = [{ lat: 28.12345, lon: 115.98765, zoom: 8.125 }];
    for (let i = 0; i < 2000; i++)
      cameras.push({
        lat: 24.5 + ((i * 0.0137) % 5.5),
        lon: 113.6 + ((i * 0.0291) % 4.9),
        zoom: 5 + ((i * 0.0173) % 6),
      });
    for (const cam of cameras) {
      const back = parseCamera(formatCamera(cam));
      expect(back).not.toBeNull();
      if (back) expect(sameCamera(cam, back), formatCamera(cam)).toBe(true);
    }
  });
});
