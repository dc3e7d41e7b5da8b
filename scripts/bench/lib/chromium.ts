/**
 * Debian Chromium with the flags verified in ../shared/notes/browser.md: WebGL works in software (SwiftShader), and
 * --host-resolver-rules makes every DNS lookup fail except for 127.0.0.1/localhost, so nothing can leave the machine
 * even if a request slips past the page-level interception.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
];

/** Flags for chrome-launcher (Lighthouse): it adds no headless flag of its own. */
export const LIGHTHOUSE_CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} is missing: run \`apt-get update && apt-get install -y chromium fonts-noto-cjk\``,
    );
  }
}
