/**
 * Publishing the build's output so that a reader never sees public/data missing, half-written or mixed, and a killed
 * build leaves nothing that reaches dist/ (docs/build.md, "How the build protects its output").
 *
 *   .cache/data/v-<content hash>/   complete versions, written under tmp-<pid>-… and renamed when complete
 *   public/data → ../.cache/data/v-…  a symbolic link, replaced by rename(2) of a new link: atomic on POSIX
 *
 * The versions live outside public/ because vite copies all of public/ into dist/ (it follows the link and copies
 * real files for public/data itself). A lock file serialises concurrent publishes; sweeping happens under it.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { BuildError } from './errors.ts';
import { display } from './inputs/read.ts';

/** Where the versions of an output folder live: `<parent of its parent>/.cache/<its name>` (public/data → .cache/data). */
export function versionsDirFor(outDir: string): string {
  return join(dirname(dirname(outDir)), '.cache', basename(outDir));
}

/** Folders and links this process is writing: removed on every exit path that still runs JavaScript. */
const inFlight = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const path of inFlight) rmSync(path, { recursive: true, force: true });
  });
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const lstatOrNull = (path: string) => {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
};

/** Takes the publish lock (a file holding the pid); a lock left by a dead process is taken over. */
function lock(versionsDir: string): () => void {
  const path = join(versionsDir, 'lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder) && holder !== process.pid) {
        throw new BuildError(
          display(path),
          0,
          `another build (pid ${holder}) is publishing: run again when it is done`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new BuildError(display(path), 0, 'could not take the publish lock');
}

/** The version folder public/data points at, or null. */
export function currentVersion(outDir: string): string | null {
  const stat = lstatOrNull(outDir);
  if (!stat?.isSymbolicLink()) return null;
  return resolve(dirname(outDir), readlinkSync(outDir));
}

/** "tmp-1234-…" / ".data-tmp-1234-…" → 1234 */
const pidOf = (name: string): number => Number(/-(\d+)-/.exec(name)?.[1] ?? Number.NaN);

/**
 * Removes what interrupted builds left behind: temporary folders and links of processes that are gone (in the
 * versions folder and, from older builds, public/.data-*), and versions nothing points at. Returns what it removed.
 */
export function sweep(outDir: string, versionsDir = versionsDirFor(outDir)): string[] {
  const removed: string[] = [];
  const remove = (path: string) => {
    rmSync(path, { recursive: true, force: true });
    removed.push(display(path));
  };
  const parent = dirname(outDir);
  if (existsSync(parent)) {
    for (const name of readdirSync(parent)) {
      if (/^\.data-(?:tmp|old|link)-/.test(name) && !isAlive(pidOf(name))) remove(join(parent, name));
    }
  }
  if (!existsSync(versionsDir)) return removed;
  const current = currentVersion(outDir);
  for (const name of readdirSync(versionsDir)) {
    const path = join(versionsDir, name);
    if (/^(?:tmp|old)-/.test(name) && !isAlive(pidOf(name))) remove(path);
    else if (name.startsWith('v-') && path !== current) remove(path);
  }
  return removed;
}

/** Sweeps under the lock, or not at all when another build holds it (ensure-data runs this before every vite). */
export function sweepIfIdle(outDir: string, versionsDir = versionsDirFor(outDir)): string[] {
  if (!existsSync(versionsDir)) return sweep(outDir, versionsDir);
  let unlock: () => void;
  try {
    unlock = lock(versionsDir);
  } catch {
    return [];
  }
  try {
    return sweep(outDir, versionsDir);
  } finally {
    unlock();
  }
}

/** A name for the content: equal output gives the same version (a second identical build rewrites nothing). */
export function contentId(files: Map<string, string>): string {
  const hash = createHash('sha256');
  for (const [name, content] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    hash.update(name);
    hash.update('\0');
    hash.update(content);
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function writeVersion(versionsDir: string, files: Map<string, string>): string {
  const target = join(versionsDir, `v-${contentId(files)}`);
  if (lstatOrNull(join(target, 'build-info.json'))?.isFile()) return target;
  rmSync(target, { recursive: true, force: true });
  const temp = join(versionsDir, `tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  inFlight.add(temp);
  try {
    for (const [name, content] of files) {
      const path = join(temp, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    renameSync(temp, target);
  } finally {
    rmSync(temp, { recursive: true, force: true });
    inFlight.delete(temp);
  }
  return target;
}

/** Points outDir at target by renaming a new symbolic link over it: readers see the old or the new, never neither. */
function switchTo(outDir: string, target: string): void {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const link = join(parent, `.data-link-${process.pid}-${randomBytes(4).toString('hex')}`);
  inFlight.add(link);
  let legacy: string | null = null;
  try {
    // Relative, so the repository can be moved or mounted elsewhere.
    symlinkSync(relative(parent, target), link, 'dir');
    const stat = lstatOrNull(outDir);
    if (stat && !stat.isSymbolicLink()) {
      // A real folder from a build before versions existed: the one switch that cannot be atomic (once per clone).
      legacy = join(parent, `.data-old-${process.pid}-${randomBytes(4).toString('hex')}`);
      inFlight.add(legacy);
      renameSync(outDir, legacy);
    }
    renameSync(link, outDir);
  } catch (error) {
    if (legacy && !lstatOrNull(outDir)) renameSync(legacy, outDir);
    throw error;
  } finally {
    rmSync(link, { force: true });
    inFlight.delete(link);
    if (legacy) {
      rmSync(legacy, { recursive: true, force: true });
      inFlight.delete(legacy);
    }
  }
}

/**
 * Writes `files` as a new version and switches outDir to it; the previous version is removed afterwards. Any failure
 * before the switch leaves outDir exactly as it was and no temporary folder behind.
 */
export function publish(outDir: string, files: Map<string, string>, versionsDir = versionsDirFor(outDir)): void {
  installExitHook();
  mkdirSync(versionsDir, { recursive: true });
  const unlock = lock(versionsDir);
  try {
    // Two outputs sharing a versions folder would sweep each other's current version away.
    const ownerFile = join(versionsDir, 'owner');
    const owner = existsSync(ownerFile) ? readFileSync(ownerFile, 'utf8') : null;
    // An owner whose output is gone (a deleted temp folder) no longer needs its versions: take the folder over.
    if (owner !== null && owner !== resolve(outDir) && lstatOrNull(owner) !== null) {
      throw new BuildError(display(versionsDir), 0, `holds the versions of ${owner}: pass --versions <another folder>`);
    }
    if (owner === null) writeFileSync(ownerFile, resolve(outDir));
    sweep(outDir, versionsDir);
    const target = writeVersion(versionsDir, files);
    switchTo(outDir, target);
    sweep(outDir, versionsDir);
  } finally {
    unlock();
  }
}
