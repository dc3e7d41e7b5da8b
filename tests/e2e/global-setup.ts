/**
 * Starts what every e2e spec shares: a static server for dist/ under /jiangxi/ and one Chromium (a playwright
 * browser server the spec files connect to), and hands their addresses to the specs via vitest's provide/inject.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/bench/lib/chromium.ts';
import { startStaticServer } from '../../scripts/bench/lib/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The site's index, e.g. http://127.0.0.1:41234/jiangxi/ */
    siteUrl: string;
    /** The server's origin; any request elsewhere is aborted and fails the test. */
    siteOrigin: string;
    /** Playwright browser-server endpoint of the shared Chromium. */
    wsEndpoint: string;
    /** Absolute path of the built site under test (dist/ or E2E_DIST), for tests that serve a modified copy. */
    distDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dist = path.resolve(process.env.E2E_DIST ?? 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html is missing: run \`npm run build\` before \`npm run test:e2e\``);
  }
  assertChromium();
  const server = await startStaticServer(dist, { base: '/jiangxi/' });
  const browserServer = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  project.provide('siteUrl', server.url);
  project.provide('siteOrigin', server.origin);
  project.provide('wsEndpoint', browserServer.wsEndpoint());
  project.provide('distDir', dist);
  return async () => {
    await browserServer.close();
    await server.close();
  };
}
