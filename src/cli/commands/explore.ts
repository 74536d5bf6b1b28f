// `trecheck explore SYSTEM`: exhaustive and/or random search of a registered system, verdicts that
// state their bounds, counterexamples saved as JSON traces with the command that replays them.
// Pipeline: resolve flags -> load system -> search -> report.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { searchExhaustiveParallel } from '../../engine/parallel/searchExhaustiveParallel.ts';
import { mergeRandomPartials } from '../../engine/random/mergeRandomPartials.ts';
import type { RandomPartial } from '../../engine/random/RandomPartial.ts';
import { randomDefaults } from '../../engine/random/RandomOptions.ts';
import { runRandomPartialParallel } from '../../engine/random/runRandomPartialParallel.ts';
import type { CliContext } from '../CliContext.ts';
import { formatCount } from '../../report/formatCount.ts';
import { formatThreads } from '../formatThreads.ts';
import { formatReduction } from '../formatReduction.ts';
import { collectOption } from '../collectOption.ts';
import { InputError } from '../InputError.ts';
import { maxMemoryFlags, maxMemoryHelp, parseMaxMemory } from '../maxMemoryOption.ts';
import { parseCount, parseSeconds, parseShard } from '../parseCount.ts';
import { startProgress, type Progress } from '../progress.ts';
import { readJsonFile } from '../readJsonFile.ts';
import { reportSearch, saveTrace, type SearchReport } from '../reportSearch.ts';
import { buildSystem, systemSource, type BuiltSystem } from '../systems.ts';
import { replayTrace } from '../../engine/replay/replayTrace.ts';
import { collectProvenance } from '../../report/collectProvenance.ts';
import { modelDiagrams } from '../../report/modelDiagrams.ts';
import type { Report } from '../../report/Report.ts';
import { reportFromSearch } from '../../report/fromSearch.ts';
import { addReportOptions, emitReport, resolveReportRequest, type ReportFlags, type ReportRequest } from '../reportOptions.ts';
import { WORLD_SYSTEM_NAME } from '../../../models/world/worldSystem.ts';
import { verdictExitCode } from '../verdictExitCode.ts';

interface ExploreFlags extends ReportFlags {
  config?: string;
  property?: string[];
  mode: string;
  depth?: string;
  maxStates?: string;
  maxMemory?: string;
  time?: string;
  runs?: string;
  steps?: string;
  seed?: string;
  shard?: string;
  path?: string;
  workers?: string;
  /** Commander's `--no-reduction`: false when given, else true. */
  reduction: boolean;
  /** Commander's `--symmetry`: true when given. */
  symmetry?: boolean;
  json?: boolean;
}

export interface ExploreRequest {
  readonly system: string;
  readonly config: unknown;
  readonly properties: readonly string[] | undefined;
  readonly exhaustive: boolean;
  readonly random: boolean;
  readonly maxDepth: number | undefined;
  readonly maxStates: number | undefined;
  /** Exhaustive: the memory budget in bytes (--max-memory); undefined: the search's default. */
  readonly memoryBudgetBytes: number | undefined;
  readonly timeLimitMs: number | undefined;
  readonly runs: number;
  readonly maxSteps: number;
  readonly seed: number;
  readonly shard: { index: number; count: number } | undefined;
  /** A random counterexample's path: run only its chunk, to reproduce it. */
  readonly path: string | undefined;
  /** Threads of each search; undefined: the searches' own defaults (exhaustive: adaptive, one thread
   *  joined by helpers only if it runs long enough to pay for them; random: the available cores). */
  readonly workers: number | undefined;
  /** Exhaustive: partial-order reduction where the system offers it (ample sets off under --depth; all off with
   *  --no-reduction). */
  readonly reduction: boolean;
  /** Exhaustive: symmetry reduction where the system declares a symmetry its properties keep (asked for with --symmetry;
   *  absent, as in the reports' recorded options, when not asked for). */
  readonly symmetry?: true;
  /** The configuration file as given, for the reproduce command. */
  readonly configFile: string | undefined;
  /** Where counterexample traces go: the traces/ folder of the report's output folder (shard files go in the folder itself). */
  readonly outDir: string;
  readonly json: boolean;
  readonly report: ReportRequest;
}

/** Flags to a complete request; every bad value is an InputError naming the flag. */
function resolveExploreRequest(system: string, flags: ExploreFlags): ExploreRequest {
  if (!['exhaustive', 'random', 'both'].includes(flags.mode)) {
    throw new InputError(`--mode must be exhaustive, random or both, got "${flags.mode}"`);
  }
  const shard = parseShard(flags.shard);
  if (shard !== undefined && flags.mode !== 'random') throw new InputError('--shard splits random runs: add --mode random');
  if (flags.path !== undefined && flags.mode !== 'random') throw new InputError('--path reproduces a random counterexample: add --mode random');
  if (flags.symmetry === true && flags.mode === 'random') throw new InputError('--symmetry sets the exhaustive search: drop it or use --mode exhaustive or both');
  if (flags.reduction === false && flags.mode === 'random') throw new InputError('--no-reduction sets the exhaustive search: drop it or use --mode exhaustive or both');
  if (flags.maxMemory !== undefined && flags.mode === 'random') throw new InputError('--max-memory bounds the exhaustive search: drop it or use --mode exhaustive or both');
  if (flags.path !== undefined && !/^\d+\.\d+$/.test(flags.path)) {
    throw new InputError(`--path must be the path printed with a random counterexample (like 3.0), got "${flags.path}"`);
  }
  const runs = parseCount('--runs', flags.runs, 1) ?? randomDefaults.runs;
  const chunks = Math.ceil(runs / randomDefaults.chunkRuns);
  if (flags.path !== undefined && Number(flags.path.split('.')[0]) >= chunks) {
    throw new InputError(`--path ${flags.path} names a chunk beyond the ${chunks} chunks of ${runs} runs: use the --runs of the search that printed it`);
  }
  return {
    system,
    config: flags.config === undefined ? {} : readJsonFile('configuration', flags.config),
    properties: flags.property,
    exhaustive: flags.mode !== 'random',
    random: flags.mode !== 'exhaustive',
    maxDepth: parseCount('--depth', flags.depth, 0),
    maxStates: parseCount('--max-states', flags.maxStates, 1),
    memoryBudgetBytes: parseMaxMemory(flags.maxMemory),
    timeLimitMs: parseSeconds('--time', flags.time),
    runs,
    maxSteps: parseCount('--steps', flags.steps, 0) ?? randomDefaults.maxSteps,
    seed: parseCount('--seed', flags.seed, 0, 0xffffffff) ?? randomDefaults.seed,
    shard,
    path: flags.path,
    configFile: flags.config,
    workers: parseCount('--workers', flags.workers, 1, 64),
    reduction: flags.reduction !== false,
    ...(flags.symmetry === true ? { symmetry: true as const } : {}),
    outDir: join(flags.out ?? 'reports/latest', 'traces'),
    json: flags.json === true,
    report: resolveReportRequest(flags),
  };
}

/** Builds the system and keeps the requested properties (all by default). */
function loadSystem(request: ExploreRequest): BuiltSystem {
  const built = buildSystem(request.system, request.config);
  if (request.properties === undefined) return built;
  const known = built.properties.map((p) => p.id as string);
  for (const id of request.properties) {
    if (!known.includes(id)) throw new InputError(`unknown property "${id}" of ${request.system}. Known: ${known.join(', ')}`);
  }
  return { ...built, properties: built.properties.filter((p) => request.properties!.includes(p.id)) };
}

/** Runs one search with its progress line on standard error, cleared when the search ends. */
async function withProgress<T>(ctx: CliContext, label: string, rateOf: string, search: (progress: Progress) => Promise<T>): Promise<T> {
  const progress = startProgress(ctx, label, rateOf);
  try {
    return await search(progress);
  } finally {
    progress.done();
  }
}

/** What both searches take alike: the time limit, the threads, and how a thread rebuilds the system. */
const threadOptions = (request: ExploreRequest) => ({
  timeLimitMs: request.timeLimitMs,
  workers: request.workers,
  source: systemSource(request.system, request.config),
});

async function exploreExhaustively(ctx: CliContext, request: ExploreRequest, built: BuiltSystem): Promise<SearchReport> {
  const outcome = await withProgress(ctx, 'exhaustive', 'states', (progress) =>
    searchExhaustiveParallel(built.system, built.properties, {
      ...threadOptions(request),
      maxDepth: request.maxDepth,
      maxStates: request.maxStates,
      ...(request.memoryBudgetBytes === undefined ? {} : { memoryBudgetBytes: request.memoryBudgetBytes }),
      reduction: request.reduction,
      symmetry: request.symmetry === true,
      onProgress: (p) => progress.update({ states: p.states, transitions: p.transitions, depth: p.depth }),
    }),
  );
  const s = outcome.stats;
  const bound = request.maxDepth === undefined ? '' : ` (depth bound ${request.maxDepth})`;
  return {
    method: 'exhaustive',
    summary: `${formatCount(s.states)} states, ${formatCount(s.transitions)} transitions, depth ${s.depth}${bound}, ${Math.round(s.millis)} ms${outcome.workers > 1 && s.twoThreads === undefined ? ` on ${outcome.workers} threads` : formatThreads(s)}${formatReduction(s)}`,
    outcome,
  };
}

async function exploreRandomly(ctx: CliContext, request: ExploreRequest, built: BuiltSystem): Promise<{ report: SearchReport; partial: RandomPartial }> {
  const partial = await withProgress(ctx, 'random', 'steps', (progress) =>
    runRandomPartialParallel(built.system, built.properties, {
      ...threadOptions(request),
      runs: request.runs,
      maxSteps: request.maxSteps,
      seed: request.seed,
      shard: request.shard,
      path: request.path,
      onProgress: (p) => progress.update({ runs: p.runs, steps: p.steps }),
    }),
  );
  const outcome = mergeRandomPartials([partial]);
  const s = outcome.stats;
  const runsHere = formatCount(partial.chunks.reduce((n, c) => n + c.runs, 0));
  const shard = request.shard === undefined ? '' : `, shard ${request.shard.index + 1}/${request.shard.count} (${runsHere} runs here)`;
  const only = request.path === undefined ? '' : `, only the chunk of path ${request.path} (${runsHere} runs)`;
  return {
    partial,
    report: {
      method: 'random',
      summary:
        `${formatCount(request.runs)} runs of <= ${request.maxSteps} steps, seed ${request.seed}${shard}${only}, ` +
        `${formatCount(s.transitions)} steps, ${Math.round(s.millis)} ms`,
      outcome,
      reproduce: (trace) => reproduceCommand(request, trace.path ?? ''),
    },
  };
}

export async function explore(ctx: CliContext, request: ExploreRequest): Promise<void> {
  const built = loadSystem(request);
  const reports: SearchReport[] = [];
  if (request.exhaustive) reports.push(await exploreExhaustively(ctx, request, built));
  let shardFile: string | undefined;
  if (request.random) {
    const { report, partial } = await exploreRandomly(ctx, request, built);
    reports.push(report);
    if (request.shard !== undefined) shardFile = saveShard(request, partial);
  }
  const commandCode = verdictExitCode(reports.flatMap((r) => r.outcome.verdicts));
  const model = exploreReport(request, built, reports);
  if (request.json) {
    const code = emitReport(ctx, model, request.report, { exitCode: commandCode, json: true });
    const traces = reports.flatMap((r) =>
      r.outcome.verdicts.flatMap(({ property, verdict }) => {
        if (verdict.kind !== 'violated') return [];
        const file = saveTrace(request.outDir, verdict.trace);
        return [{ property, method: r.method, file, replay: `trecheck replay ${file}` }];
      }),
    );
    const result = { system: request.system, config: built.system.config, searches: reports, traces, shardFile, exitCode: code };
    ctx.out(`${JSON.stringify(result, null, 2)}\n`);
    ctx.exit(code);
  } else {
    ctx.out(`${built.system.name} ${JSON.stringify(built.system.config)}\n`);
    for (const report of reports) reportSearch(ctx, built, report, request.outDir);
    if (shardFile !== undefined) {
      const all = Array.from({ length: request.shard!.count }, (_, i) => shardFileName(request, i));
      ctx.out(`shard saved: ${shardFile}\nmerge all shards: trecheck merge ${all.join(' ')}\n`);
    }
    ctx.exit(emitReport(ctx, model, request.report, { exitCode: commandCode, json: false }));
  }
}

/** The report model of the searches: every property's verdicts, each counterexample re-checked on a fresh system. */
function exploreReport(request: ExploreRequest, built: BuiltSystem, reports: readonly SearchReport[]): Report {
  const { report: _report, config: _config, ...options } = request;
  return reportFromSearch({
    command: 'explore',
    title: `explore ${request.system}`,
    system: request.system,
    config: built.system.config,
    properties: built.properties.map((p) => ({ id: p.id, description: p.description })),
    searches: reports,
    recheck: (property, trace) => {
      const definition = built.properties.find((p) => p.id === property);
      if (definition === undefined) return {};
      const r = replayTrace(built.system, definition, trace).result;
      return { replayed: r.kind, ...(r.kind === 'reproduced' && r.explanation !== undefined ? { explanation: r.explanation } : {}) };
    },
    provenance: collectProvenance({ ...options, formats: request.report.formats }),
    diagrams: request.system === WORLD_SYSTEM_NAME ? modelDiagrams() : [],
  });
}

/** The explore command that re-runs just the chunk of a random counterexample (same properties, same bounds). */
function reproduceCommand(request: ExploreRequest, path: string): string {
  const config = request.configFile === undefined ? '' : ` --config ${request.configFile}`;
  const properties = (request.properties ?? []).map((p) => ` --property ${p}`).join('');
  const bounds = `--runs ${request.runs} --steps ${request.maxSteps} --seed ${request.seed}`;
  return `trecheck explore ${request.system}${config}${properties} --mode random ${bounds} --path ${path}`;
}

function shardFileName(request: ExploreRequest, index: number): string {
  return join(request.report.outDir, `${request.system}.random-seed${request.seed}.shard-${index + 1}-of-${request.shard!.count}.json`);
}

function saveShard(request: ExploreRequest, partial: RandomPartial): string {
  mkdirSync(request.report.outDir, { recursive: true });
  const file = shardFileName(request, request.shard!.index);
  writeFileSync(file, `${JSON.stringify(partial)}\n`);
  return file;
}


export function registerExplore(program: Command, ctx: CliContext): void {
  const command = program
    .command('explore')
    .description('search a registered system for property violations (exhaustive breadth-first and/or random)')
    .argument('<system>', 'registered system name (for example needham-schroeder)')
    .option('--config <file>', 'JSON configuration of the system')
    .option('--property <id>', 'check only this property (repeatable)', collectOption)
    .option('--mode <mode>', 'exhaustive, random or both', 'exhaustive')
    .option('--depth <n>', 'exhaustive: longest traces explored')
    .option('--max-states <n>', 'exhaustive: stop (inconclusive) beyond this many states')
    .option(maxMemoryFlags, maxMemoryHelp)
    .option('--time <seconds>', 'stop each search (inconclusive) after this long')
    .option('--runs <n>', `random: runs (default ${randomDefaults.runs})`)
    .option('--steps <n>', `random: longest run (default ${randomDefaults.maxSteps})`)
    .option('--seed <n>', `random: seed (default ${randomDefaults.seed})`)
    .option('--shard <i/n>', 'random: run only shard i of n (merge the shard files with trecheck merge)')
    .option('--path <path>', 'random: run only the chunk of this counterexample path, to reproduce it')
    .option('--workers <n>', 'threads of each search (default: exhaustive adaptive, random the available cores; on tr33812-alt1a, n > 1: the pipelined exhaustive search on two threads)')
    .option('--no-reduction', 'exhaustive: take every enabled step (default: partial-order reduction where the system offers it; ample sets not under --depth)')
    .option('--symmetry', 'exhaustive: one state per orbit where the system declares a symmetry that every property checked keeps (default off: the TR world declares one for two identical devices and four claims, where it is measured 1.27x faster)')
    .option('--json', 'print the outcome as JSON');
  addReportOptions(command).action(async (system: string, flags: ExploreFlags) => explore(ctx, resolveExploreRequest(system, flags)));
}
