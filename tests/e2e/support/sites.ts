/**
 * A modified copy of the built site, served like the real one (sirv under /jiangxi/ on its own port), for tests of
 * what a visitor sees when a data file is corrupt or missing. The copy lives in a temp folder removed on close.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { type StaticServer, startStaticServer } from '../../../scripts/bench/lib/server.ts';

export interface ModifiedSite extends StaticServer {
  dir: string;
}

/**
 * Copies dist/ (or E2E_DIST), lets `modify` change the copy, and serves it. `withFonts: false` leaves out the 2.6 MB
 * of label fonts (not needed to show a data error).
 */
export async function serveModifiedCopy(
  modify: (dir: string) => void,
  { withFonts = true }: { withFonts?: boolean } = {},
): Promise<ModifiedSite> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jx-e2e-site-'));
  const fonts = `${path.sep}fonts${path.sep}sc`;
  cpSync(inject('distDir'), dir, { recursive: true, filter: (src) => withFonts || !src.includes(fonts) });
  modify(dir);
  const server = await startStaticServer(dir, { base: '/jiangxi/' });
  return {
    ...server,
    dir,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
