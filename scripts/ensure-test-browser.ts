/**
 * First step of `npm test`: the browser tests need Debian's Chromium and a CJK font (the screenshots and the PNG
 * export draw Chinese text). Run as root, this installs them with apt; otherwise it stops at once with the one command
 * to run, instead of failing midway through the suite.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './bench/lib/chromium.ts';

const INSTALL = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';

function hasCjkFont(): boolean {
  const out = spawnSync('fc-list', [':lang=zh-cn', 'family'], { encoding: 'utf8' });
  return out.status === 0 && /Noto Sans CJK/i.test(out.stdout);
}

function missing(): string[] {
  const gaps: string[] = [];
  if (!existsSync(CHROMIUM_PATH)) gaps.push(`Chromium (${CHROMIUM_PATH})`);
  if (!hasCjkFont()) gaps.push('a CJK font (Noto Sans CJK)');
  return gaps;
}

const gaps = missing();
if (gaps.length > 0) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`The browser tests need ${gaps.join(' and ')}. Run as root:\n  ${INSTALL}`);
    process.exit(1);
  }
  console.log(`Installing ${gaps.join(' and ')} for the browser tests: ${INSTALL}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', env });
  const still = missing();
  if (still.length > 0) {
    console.error(`Still missing after apt-get: ${still.join(', ')}`);
    process.exit(1);
  }
}
