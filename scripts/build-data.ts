/**
 * The data build: seeds/ + data/ → public/data/.
 *
 *   npm run data                       (defaults below)
 *   tsx scripts/build-data.ts --seeds <dir> --plans <file> --data <dir> --out <dir> [--strict]
 *
 * Reads every plan listed in data/plans.json, extracts its assignments, attaches geometry to the gazetteer's places,
 * validates every published file against src/domain/schemas, checks every quote against its seed line, and only then
 * swaps the new folder into place. A failure prints "file:line: message" and leaves the previous output untouched.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pinyin } from 'pinyin-pro';
import type {
  Assignment,
  AssignmentsFile,
  AuditFile,
  AuditPlan,
  AuditWarning,
  IndustriesFile,
  Industry,
  Plan,
  PlansFile,
} from '../src/domain/types.ts';
import { DATA_FILES, SCHEMA_VERSION } from '../src/domain/types.ts';
import { validatePublished } from '../src/domain/validate.ts';
import { BuildError } from './errors.ts';
import { extractPlan } from './extract/index.ts';
import { loadGazetteer } from './gazetteer/index.ts';
import { buildPlacesCollection } from './geo/places.ts';
import { checkPlacesTopology, placesTopology } from './geo/places-topology.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface BuildOptions {
  seedsDir: string;
  plansFile: string;
  dataDir: string;
}

export const defaultOptions: BuildOptions = {
  seedsDir: join(root, 'seeds'),
  plansFile: join(root, 'data', 'plans.json'),
  dataDir: join(root, 'data'),
};

/** A path as people read it in messages: relative to the project when inside it. */
function display(path: string): string {
  const rel = relative(root, path);
  return rel.startsWith('..') ? path : rel;
}

function readJson(path: string): unknown {
  if (!existsSync(path)) throw new BuildError(display(path), 0, 'file is missing');
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    // JSON.parse reports a character position; turn it into a line for the message.
    const position = Number(/position (\d+)/.exec(String(error))?.[1] ?? Number.NaN);
    const line = Number.isFinite(position) ? text.slice(0, position).split('\n').length : 0;
    throw new BuildError(display(path), line, `invalid JSON: ${(error as Error).message}`);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a seed as strict UTF-8. On bad bytes, names the first line that holds them, so the message points at
 * what to fix rather than at a byte offset.
 */
export function readSeedText(path: string): string {
  const name = display(path);
  if (!existsSync(path)) throw new BuildError(name, 0, 'seed file is missing (it is listed in data/plans.json)');
  if (!statSync(path).isFile()) throw new BuildError(name, 0, 'seed path is not a file');
  const bytes = readFileSync(path);
  try {
    return utf8.decode(bytes);
  } catch {
    let lineStart = 0;
    let line = 1;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          utf8.decode(bytes.subarray(lineStart, i));
        } catch {
          throw new BuildError(name, line, 'not valid UTF-8 (the seeds must be UTF-8 text; was it saved as GBK?)');
        }
        lineStart = i + 1;
        line++;
      }
    }
    throw new BuildError(name, 0, 'not valid UTF-8');
  }
}

function loadPlans(plansFile: string): Plan[] {
  const raw = readJson(plansFile) as { plans?: unknown };
  const plans = raw.plans;
  if (!Array.isArray(plans) || plans.length === 0) throw new BuildError(display(plansFile), 0, 'no "plans" array');
  const file: PlansFile = { schemaVersion: SCHEMA_VERSION, plans: plans as Plan[] };
  const problems = validatePublished('plans', file);
  if (problems.length > 0) throw new BuildError(display(plansFile), 0, `invalid plan list: ${problems.join('; ')}`);
  const ids = new Set<string>();
  for (const plan of file.plans) {
    if (ids.has(plan.id)) throw new BuildError(display(plansFile), 0, `duplicate plan id "${plan.id}"`);
    ids.add(plan.id);
  }
  return file.plans;
}

function loadIndustries(dataDir: string): Industry[] {
  const path = join(dataDir, 'industries.json');
  const raw = readJson(path) as { industries?: Industry[] } | Industry[];
  const list = Array.isArray(raw) ? raw : raw.industries;
  if (!Array.isArray(list)) throw new BuildError(display(path), 0, 'no "industries" array');
  return list.map(({ id, zh, en, parent, aliases }) => ({
    id,
    zh,
    en,
    parent: parent ?? null,
    aliases: aliases ?? [],
    pinyin: pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' ').toLowerCase(),
  }));
}

/** Sentence-final marks: a layout line ending without one was probably cut off. */
const SENTENCE_END = /[。；;！!？?：:」』”"）)\]】…]$/;
/** Section headings (二、重点领域, （一）…, 专栏七： 食品产业, ◆产业布局) end without punctuation by design. */
const HEADING = /^[\s\u3000]*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、]|专栏|◆)[^。；]{0,30}$/;

function truncationWarnings(plan: Plan, audit: AuditPlan, lines: string[]): AuditWarning[] {
  const warnings: AuditWarning[] = [];
  const seen = new Set<number>();
  for (const sentence of audit.sentences) {
    const text = lines[sentence.line - 1] ?? '';
    if (seen.has(sentence.line) || sentence.end < text.trimEnd().length) continue;
    seen.add(sentence.line);
    if (!SENTENCE_END.test(text.trimEnd()) && !HEADING.test(text)) {
      warnings.push({
        file: plan.file,
        line: sentence.line,
        message: 'layout line ends without sentence-final punctuation: it may be truncated',
      });
    }
  }
  return warnings;
}

/** Everything the build publishes, as file name → content, before anything touches the disk. */
export function buildDataset(options: BuildOptions = defaultOptions): Map<string, string> {
  const plans = loadPlans(options.plansFile);
  const gazetteer = loadGazetteer(options.dataDir);
  const industries = loadIndustries(options.dataDir);

  const assignments: Assignment[] = [];
  const auditPlans: AuditPlan[] = [];
  const warnings: AuditWarning[] = [];
  const seedTexts = new Map<string, string>();

  for (const plan of plans) {
    const text = readSeedText(join(options.seedsDir, plan.file));
    seedTexts.set(plan.file, text);
    const result = extractPlan({ plan, text, gazetteer, industries });
    assignments.push(...result.assignments);
    auditPlans.push(result.audit);
    warnings.push(...result.warnings, ...truncationWarnings(plan, result.audit, text.split('\n')));
  }

  checkQuotes(assignments, seedTexts);
  const places = buildPlacesCollection(gazetteer);
  checkReferences(
    assignments,
    auditPlans,
    places.features.map((f) => f.id),
    industries,
    plans,
  );

  const files: Record<string, unknown> = {
    [DATA_FILES.plans]: { schemaVersion: SCHEMA_VERSION, plans } satisfies PlansFile,
    [DATA_FILES.industries]: { schemaVersion: SCHEMA_VERSION, industries } satisfies IndustriesFile,
    [DATA_FILES.assignments]: { schemaVersion: SCHEMA_VERSION, assignments } satisfies AssignmentsFile,
    [DATA_FILES.audit]: { schemaVersion: SCHEMA_VERSION, plans: auditPlans, warnings } satisfies AuditFile,
    [DATA_FILES.places]: places,
    [DATA_FILES.placesTopology]: placesTopology(places),
  };
  checkPlacesTopology(
    files[DATA_FILES.placesTopology] as ReturnType<typeof placesTopology>,
    places,
    `public/data/${DATA_FILES.placesTopology}`,
  );
  for (const [key, name] of Object.entries(DATA_FILES)) {
    const problems = validatePublished(key as keyof typeof DATA_FILES, files[name]);
    if (problems.length > 0) {
      throw new BuildError(`public/data/${name}`, 0, `fails its schema: ${problems.slice(0, 5).join('; ')}`);
    }
  }

  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(files)) out.set(name, `${JSON.stringify(value)}\n`);
  // The seeds travel with the data so the app can open any quote in its document (and work offline).
  for (const [file, text] of seedTexts) out.set(`seeds/${file}`, text);
  out.set('build-info.json', `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, inputsHash: inputsHash() })}\n`);
  return out;
}

/** The contract the hook and the app rely on: every quote is exactly line[start..end) of its seed. */
function checkQuotes(assignments: Assignment[], seedTexts: Map<string, string>): void {
  const linesByFile = new Map<string, string[]>();
  for (const a of assignments) {
    let lines = linesByFile.get(a.source.file);
    if (!lines) {
      lines = (seedTexts.get(a.source.file) ?? '').split('\n');
      linesByFile.set(a.source.file, lines);
    }
    const line = lines[a.source.line - 1];
    if (line === undefined || line.slice(a.source.start, a.source.end) !== a.quote) {
      throw new BuildError(
        a.source.file,
        a.source.line,
        `assignment ${a.id}: quote is not found verbatim at its offsets`,
      );
    }
  }
}

function checkReferences(
  assignments: Assignment[],
  audit: AuditPlan[],
  placeIds: string[],
  industries: Industry[],
  plans: Plan[],
): void {
  const places = new Set(placeIds);
  const industryIds = new Set(industries.map((i) => i.id));
  const planIds = new Set(plans.map((p) => p.id));
  const assignmentIds = new Set<string>();
  for (const a of assignments) {
    const where = (detail: string) => new BuildError(a.source.file, a.source.line, `assignment ${a.id}: ${detail}`);
    if (assignmentIds.has(a.id)) throw where('duplicate assignment id');
    assignmentIds.add(a.id);
    if (!places.has(a.place)) throw where(`unknown place "${a.place}"`);
    if (!industryIds.has(a.industry)) throw where(`unknown industry "${a.industry}"`);
    if (!planIds.has(a.plan)) throw where(`unknown plan "${a.plan}"`);
  }
  for (const industry of industries) {
    if (industry.parent !== null && !industryIds.has(industry.parent)) {
      throw new BuildError('data/industries.json', 0, `industry ${industry.id}: unknown parent "${industry.parent}"`);
    }
  }
  for (const plan of audit) {
    for (const s of plan.sentences) {
      for (const id of s.assignments) {
        if (!assignmentIds.has(id)) throw new BuildError(plan.file, s.line, `audit lists unknown assignment ${id}`);
      }
    }
  }
}

/** Files whose content decides the output: a change to any of them makes public/data stale. */
export function inputFiles(): string[] {
  const walk = (dir: string): string[] =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
          const path = join(dir, entry.name);
          if (entry.isDirectory()) return walk(path);
          return /\.test\.ts$/.test(entry.name) ? [] : [path];
        })
      : [];
  return [
    ...walk(join(root, 'seeds')),
    ...walk(join(root, 'data')),
    ...walk(join(root, 'scripts')).filter((p) => !p.includes(`${join(root, 'scripts', 'bench')}`)),
    ...walk(join(root, 'src', 'domain')),
  ].sort();
}

export function inputsHash(): string {
  const hash = createHash('sha256');
  for (const file of inputFiles()) {
    hash.update(relative(root, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Writes every file into a fresh sibling folder, then swaps it in with renames, so readers (and a crash) never see
 * a half-written public/data. The previous output survives any failure before the swap.
 */
export function writeAtomically(outDir: string, files: Map<string, string>): void {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const temp = join(parent, `.data-tmp-${process.pid}-${Date.now()}`);
  const old = join(parent, `.data-old-${process.pid}-${Date.now()}`);
  try {
    for (const [name, content] of files) {
      const path = join(temp, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(temp, outDir);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(outDir) && existsSync(old)) renameSync(old, outDir);
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}

export function main(argv: string[] = process.argv.slice(2)): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      seeds: { type: 'string' },
      plans: { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      strict: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  });
  const options: BuildOptions = {
    seedsDir: values.seeds ? resolve(values.seeds) : defaultOptions.seedsDir,
    plansFile: values.plans ? resolve(values.plans) : defaultOptions.plansFile,
    dataDir: values.data ? resolve(values.data) : defaultOptions.dataDir,
  };
  const outDir = values.out ? resolve(values.out) : join(root, 'public', 'data');
  const started = performance.now();
  try {
    const files = buildDataset(options);
    const audit = JSON.parse(files.get(DATA_FILES.audit) ?? '{}') as AuditFile;
    for (const w of audit.warnings) console.warn(`warning: ${w.file}:${w.line}: ${w.message}`);
    if (values.strict && audit.warnings.length > 0) {
      throw new BuildError(audit.warnings[0]?.file ?? '?', audit.warnings[0]?.line ?? 0, 'warnings in --strict mode');
    }
    writeAtomically(outDir, files);
    if (!values.quiet) {
      for (const p of audit.plans) {
        const c = p.counts;
        console.log(
          `${p.plan.padEnd(26)} ${basename(p.file)}  sentences ${c.sentences}  assigned ${c.assigned}  assignments ${c.assignments}  places ${c.places}  unresolved ${c.unresolved}`,
        );
      }
      console.log(
        `wrote ${files.size} files to ${display(outDir)} in ${Math.round(performance.now() - started)} ms (${audit.warnings.length} warnings)`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof BuildError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    console.error(error);
    return 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}
