/**
 * The data build: seeds/ + data/ → public/data/.
 *
 *   npm run data                       (defaults below)
 *   tsx scripts/build-data.ts --seeds <dir> --plans <file> --data <dir> --out <dir> [--versions <dir>] [--strict]
 *
 * Reads every plan listed in data/plans.json, extracts its assignments, attaches geometry to the gazetteer's places,
 * validates every published file against src/domain/schemas, checks every quote against its seed line, and only then
 * publishes (scripts/publish.ts: a new version folder, then one atomic switch of the public/data link). Every input
 * is read and checked first by scripts/inputs. A failure prints "file:line: message" and leaves the previous output
 * untouched. How the output is protected: docs/build.md.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
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
  ExtractedAssignment,
  ExtractedAuditSentence,
  IndustriesFile,
  Industry,
  PlacesCollection,
  Plan,
  PlansFile,
} from '../src/domain/types.ts';
import { DATA_FILES, SCHEMA_VERSION } from '../src/domain/types.ts';
import { validatePublished } from '../src/domain/validate.ts';
import { attachEnglish } from './english/index.ts';
import { BuildError } from './errors.ts';
import { type LoadedGazetteer, loadGazetteer, planWindow } from './gazetteer/index.ts';
import { buildPlacesCollection } from './geo/places.ts';
import { checkPlacesTopology, placesTopology } from './geo/places-topology.ts';
import { readExtractionFrom, startupReads } from './inputs/extraction.ts';
import {
  decodeSeed,
  display,
  type Inputs,
  loadInputs,
  MAX_SEED_BYTES,
  type PlanEntry,
  publishedPlan,
  type RulesShape,
  Snapshot,
} from './inputs/index.ts';
import { readBytes } from './inputs/read.ts';
import { publish, sweepIfIdle, versionsDirFor } from './publish.ts';
import { buildSearchIndex } from './search/index.ts';

/** True when this file is the command (npm run data), false when a test or tool imports it. */
const isEntry = Boolean(process.argv[1]) && resolve(process.argv[1] as string) === fileURLToPath(import.meta.url);
if (isEntry) {
  // --data replaces data/ for the extraction's rules too (they are read when it is imported, just below).
  const { values } = parseArgs({ args: process.argv.slice(2), options: { data: { type: 'string' } }, strict: false });
  if (typeof values.data === 'string') readExtractionFrom(join(resolve(values.data), 'extraction'));
}

/**
 * The extraction reads and checks data/extraction/ when it is imported. Imported here, not at the top, so that a
 * damaged rules file is reported by main() as "file:line: message" like every other input error, not as a crash
 * while loading modules.
 */
const extraction = await import('./extract/index.ts').then(
  (module) => ({ extractPlan: module.extractPlan, error: null }),
  (error: unknown) => ({ extractPlan: null, error }),
);

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

/** Reads a seed as strict UTF-8 (see inputs/seeds.ts); kept here for the tests and tools that read one seed. */
export function readSeedText(path: string): string {
  return decodeSeed(path, readBytes(path, null, MAX_SEED_BYTES, 'seed file'));
}

function industriesOf(inputs: Inputs): Industry[] {
  return inputs.industries.value.industries.map(({ id, zh, en, parent, aliases }) => ({
    id,
    zh,
    en,
    parent: parent ?? null,
    aliases: aliases ?? [],
    pinyin: pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' ').toLowerCase(),
  }));
}

/**
 * Layout lines that end in neither a sentence-final mark nor are a section heading were probably cut off
 * (data/extraction/rules.json, truncation).
 */
function truncationWarnings(
  plan: Plan,
  audit: AuditPlan<ExtractedAuditSentence>,
  lines: string[],
  rules: RulesShape['truncation'],
): AuditWarning[] {
  const sentenceEnd = new RegExp(rules.sentenceEnd);
  const heading = new RegExp(rules.heading);
  const warnings: AuditWarning[] = [];
  const seen = new Set<number>();
  for (const sentence of audit.sentences) {
    const text = lines[sentence.line - 1] ?? '';
    if (seen.has(sentence.line) || sentence.end < text.trimEnd().length) continue;
    seen.add(sentence.line);
    if (!sentenceEnd.test(text.trimEnd()) && !heading.test(text)) {
      warnings.push({
        file: plan.file,
        line: sentence.line,
        message: 'layout line ends without sentence-final punctuation: it may be truncated',
      });
    }
  }
  return warnings;
}

/**
 * A document the build read but found (almost) nothing in is a broken input, not an empty plan: no layout passage
 * at all is an error; far fewer layout sentences than its entry's layoutSentences (under half) is an error; fewer is
 * a warning (an error with --strict), since a human may have removed a passage on purpose.
 */
function documentProblems(
  entry: PlanEntry,
  audit: AuditPlan<ExtractedAuditSentence>,
  inputs: Inputs,
  seedsDir: string,
): AuditWarning[] {
  const name = display(join(seedsDir, entry.file));
  const found = audit.counts.sentences;
  if (found === 0) {
    throw new BuildError(
      name,
      0,
      'no layout sentence found (no N.区域布局 paragraph, ◆产业布局 column, passages.inline rule of data/extraction/rules.json or directive sentence matches)',
    );
  }
  const expected = entry.layoutSentences;
  if (expected === undefined || found >= expected) return [];
  const index = inputs.plans.value.plans.indexOf(entry);
  const where = `${inputs.plans.name}:${inputs.plans.lineOf(`/plans/${index}/layoutSentences`)}`;
  const message = `${found} layout sentences found where ${where} expects ${expected}: did a rule in data/extraction/rules.json stop matching?`;
  if (found * 2 < expected) throw new BuildError(name, 0, message);
  return [{ file: entry.file, line: 0, message }];
}

/** Everything the build publishes, as file name → content, before anything touches the disk. */
export function buildDataset(options: BuildOptions = defaultOptions): Map<string, string> {
  // Every input is read once, here: the checks, the extraction and the input hash all see the same bytes.
  const snapshot = new Snapshot();
  for (const [path, bytes] of startupReads) snapshot.adopt(path, bytes);
  const hashed = inputFiles(options);
  for (const file of hashed) snapshot.read(file);
  const inputs = loadInputs(options, snapshot);
  if (extraction.error) throw extraction.error;

  const plans = inputs.plans.value.plans.map(publishedPlan);
  const gazetteer = loadGazetteer(options.dataDir, inputs.places, planWindow(inputs.plans.value.plans));
  checkCorrectionPlaces(inputs, gazetteer);
  const industries = industriesOf(inputs);
  const extracted = extractDocuments(inputs, plans, gazetteer, industries, options.seedsDir);

  const placeEn = new Map(gazetteer.places.map((p) => [p.id, p.en]));
  const english = attachEnglish({
    dataDir: options.dataDir,
    assignments: extracted.assignments,
    audit: extracted.audit,
    industries,
    placeEn,
  });
  const { assignments, audit: auditPlans } = english;
  const warnings = extracted.warnings;
  append(warnings, english.warnings);
  checkQuotes(assignments, inputs.seeds);
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
    [DATA_FILES.search]: buildSearchIndex({ places: places.features, industries, assignments }),
  };
  checkPublished(files, places);

  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(files)) out.set(name, `${JSON.stringify(value)}\n`);
  // The seeds travel with the data so the app can open any quote in its document (and work offline).
  for (const [file, text] of inputs.seeds) out.set(`seeds/${file}`, text);
  const info = { schemaVersion: SCHEMA_VERSION, inputsHash: inputsHash(snapshot, hashed) };
  out.set('build-info.json', `${JSON.stringify(info)}\n`);
  return out;
}

/** Appended one by one, never spread into push(): a very large document must not hit the engine's argument limit. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** A correction that moves a mention to a place the gazetteer does not know would publish a dangling reference. */
function checkCorrectionPlaces(inputs: Inputs, gazetteer: LoadedGazetteer): void {
  inputs.corrections.value.corrections.forEach((c, i) => {
    if (c.place !== undefined && !gazetteer.byId(c.place)) {
      throw inputs.corrections.error(`/corrections/${i}/place`, `unknown place "${c.place}" (not in the gazetteer)`);
    }
  });
}

/** Every document's assignments and audit, with the extraction's warnings and the checks of what it found. */
function extractDocuments(
  inputs: Inputs,
  plans: Plan[],
  gazetteer: LoadedGazetteer,
  industries: Industry[],
  seedsDir: string,
): { assignments: ExtractedAssignment[]; audit: AuditPlan<ExtractedAuditSentence>[]; warnings: AuditWarning[] } {
  const extractPlan = extraction.extractPlan as NonNullable<typeof extraction.extractPlan>;
  const assignments: ExtractedAssignment[] = [];
  const audit: AuditPlan<ExtractedAuditSentence>[] = [];
  const warnings: AuditWarning[] = [];
  inputs.plans.value.plans.forEach((entry, i) => {
    const plan = plans[i] as Plan;
    const text = inputs.seeds.get(plan.file) as string;
    const result = extractPlan({ plan, text, gazetteer, industries });
    append(assignments, result.assignments);
    audit.push(result.audit);
    append(warnings, result.warnings);
    append(warnings, truncationWarnings(plan, result.audit, text.split('\n'), inputs.rules.value.truncation));
    append(warnings, documentProblems(entry, result.audit, inputs, seedsDir));
  });
  return { assignments, audit, warnings };
}

/** The topology against the places it was made from, and every published file against its schema. */
function checkPublished(files: Record<string, unknown>, places: PlacesCollection): void {
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

/**
 * Files whose content decides the output: a change to any of them makes the output stale. With other --seeds or
 * --data folders, theirs replace seeds/ and data/ (the plans file counts wherever it is).
 */
export function inputFiles(options: BuildOptions = defaultOptions): string[] {
  const walk = (dir: string): string[] =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
          const path = join(dir, entry.name);
          if (entry.isDirectory()) return walk(path);
          return /\.test\.ts$/.test(entry.name) ? [] : [path];
        })
      : [];
  const files = new Set([
    ...walk(options.seedsDir),
    ...walk(options.dataDir),
    options.plansFile,
    ...walk(join(root, 'scripts')).filter((p) => !p.includes(`${join(root, 'scripts', 'bench')}`)),
    ...walk(join(root, 'src', 'domain')),
  ]);
  return [...files].filter((p) => existsSync(p)).sort();
}

/**
 * The hash build-info.json carries and ensure-data compares. The build passes the snapshot it worked from, so the
 * stamp describes the bytes it read: an input edited during the build no longer matches and is rebuilt next time.
 */
export function inputsHash(snapshot: Snapshot | null = null, files: readonly string[] = inputFiles()): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(root, file).split('\\').join('/'));
    hash.update('\0');
    hash.update(snapshot ? snapshot.read(file) : readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

let signalsDeferred = false;

/**
 * Ctrl-C, TERM or HUP during the build take effect once it has published or cleaned up, never half-way: with a
 * listener installed, Node runs it only when the synchronous build returns to the event loop.
 */
function deferSignals(): void {
  if (signalsDeferred) return;
  signalsDeferred = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => process.exit(128 + (constants.signals[signal] ?? 0)));
  }
}

export function main(argv: string[] = process.argv.slice(2)): number {
  deferSignals();
  const { values } = parseArgs({
    args: argv,
    options: {
      seeds: { type: 'string' },
      plans: { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      versions: { type: 'string' },
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
  const versionsDir = values.versions ? resolve(values.versions) : versionsDirFor(outDir);
  const started = performance.now();
  try {
    // What an interrupted build left behind goes first, whether or not this build gets to publish.
    sweepIfIdle(outDir, versionsDir);
    const files = buildDataset(options);
    const audit = JSON.parse(files.get(DATA_FILES.audit) ?? '{}') as AuditFile;
    for (const w of audit.warnings) console.warn(`warning: ${w.file}:${w.line}: ${w.message}`);
    if (values.strict && audit.warnings.length > 0) {
      throw new BuildError(audit.warnings[0]?.file ?? '?', audit.warnings[0]?.line ?? 0, 'warnings in --strict mode');
    }
    publish(outDir, files, versionsDir);
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

if (isEntry) {
  process.exitCode = main();
}
