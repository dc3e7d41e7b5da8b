/**
 * Per-test page session with the checks every e2e test ends with: no request left the server's origin, no console
 * errors, no HTTP errors. Used as `const s = useSession()` at the top of a describe block.
 */
import { afterEach, expect } from 'vitest';
import { type OpenOptions, openSession, type PageSession, siteUrl } from './harness.ts';

export function useSession() {
  let current: PageSession | undefined;
  const sessions: PageSession[] = [];
  afterEach(async () => {
    const all = [...sessions];
    sessions.length = 0;
    current = undefined;
    try {
      for (const s of all) {
        expect(s.offOrigin, 'requests that left the server origin').toEqual([]);
        expect(s.failedResponses, 'HTTP errors').toEqual([]);
        expect(s.consoleErrors, 'console errors').toEqual([]);
      }
    } finally {
      for (const s of all) await s.close();
    }
  });
  return {
    /** Opens a fresh browser context (no cookies, storage or cache) and page. */
    async open(options?: OpenOptions): Promise<PageSession> {
      const s = await openSession(options);
      sessions.push(s);
      current = s;
      return s;
    },
    get current(): PageSession {
      if (!current) throw new Error('no session opened in this test');
      return current;
    },
  };
}

export interface PlaceNames {
  zh: string;
  en: string;
}

/** Names of a place as published in data/places.geojson of the site under test. */
export async function placeNames(id: string): Promise<PlaceNames> {
  const res = await fetch(siteUrl('data/places.geojson'));
  const places = (await res.json()) as { features: { id: string; properties: PlaceNames }[] };
  const f = places.features.find((p) => p.id === id);
  if (!f) throw new Error(`place ${id} is not in data/places.geojson`);
  return { zh: f.properties.zh, en: f.properties.en };
}
