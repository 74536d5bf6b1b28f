// `trecheck ablate`: switch each modelled counter-measure off in turn in every threat scenario and report the
// matrix counter-measure x property, what each threat needs, what the text references, and (--pairs, --trust)
// defence in depth and the roles the argument trusts. Cells run side by side on worker threads and are cached.
// Pipeline: plan cells -> run (cache, workers, shards) -> save attack traces -> summarise -> write md/json/svg.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { z } from 'zod';
import { cellLabel, type CellResult, type CellSpec } from '../ablate/AblationCell.ts';
import type { AblationReport } from '../ablate/AblationReport.ts';
import { ablationMarkdown } from '../ablate/ablationMarkdown.ts';
import { CellCache } from '../ablate/cellCache.ts';
import { heatMapSvg } from '../ablate/heatMapSvg.ts';
import { pairCells, scopeOf, singleCells, trustCells, type AblationScope } from '../ablate/planCells.ts';
import { runCells } from '../ablate/runCells.ts';
import { summarise } from '../ablate/summarise.ts';
import { keysOf } from '../../text/counterMeasureKeys.ts';
import { findReferences } from '../../text/findReferences.ts';
import type { CliContext } from '../CliContext.ts';
import { ExitCode } from '../exitCodes.ts';
import { InputError } from '../InputError.ts';
import { loadText } from '../loadText.ts';
import { collectOption } from '../collectOption.ts';
import { maxMemoryFlags, maxMemoryHelp, parseMaxMemory } from '../maxMemoryOption.ts';
import { parseCount, parseShard } from '../parseCount.ts';
import { readJsonFile } from '../readJsonFile.ts';
import { defaultReportDir, requireWritableFolder } from '../reportOptions.ts';
import { formatCount } from '../../report/formatCount.ts';

/** States a cell may explore before it stops, inconclusive (a bound in states, so results never depend on load). */
export const defaultCellStates = 600_000;
export const shardFormat = 'trecheck-ablation-shard/1';

interface AblateFlags {
  threat?: string[];
  pairs?: boolean;
  trust?: boolean;
  shard?: string;
  workers?: string;
  maxStates?: string;
  maxMemory?: string;
  cache: boolean;
  /** Commander's `--no-reduction`: false when given. */
  reduction: boolean;
  out: string;
  text?: string;
  json?: boolean;
}

/** The newest TRE-function text of the seeds (004), when this checkout sits beside them. */
function defaultText(): string | undefined {
  const seeds = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'seeds', '004_7f9aeb8604797430.txt');
  return existsSync(seeds) ? seeds : undefined;
}

function referencedIds(file: string): ReadonlySet<string> {
  const source = loadText(file);
  return new Set(findReferences(source.lines).flatMap((r) => keysOf(r.segments)));
}

const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '_');

function saveTraces(results: readonly CellResult[], dir: string): (cell: CellSpec, property: string) => string {
  const file = (cell: CellSpec, property: string): string => join(dir, `${safe(cellLabel(cell))}.${property}.json`);
  for (const r of results) {
    for (const v of r.verdicts) {
      if (v.trace === undefined) continue;
      mkdirSync(dir, { recursive: true });
      writeFileSync(file(r.spec, v.property), `${JSON.stringify(v.trace, null, 2)}\n`);
    }
  }
  return file;
}

function exitCodeOf(r: AblationReport): ExitCode {
  const unexplained = r.conclusions.some((c) => c.status === 'redundant' && c.reason === undefined);
  if (r.suspects.length > 0 || unexplained) return ExitCode.violated;
  return r.inconclusive.length > 0 ? ExitCode.inconclusive : ExitCode.ok;
}

function summaryLines(r: AblationReport, outDir: string): string[] {
  const necessary = r.conclusions.filter((c) => c.status === 'necessary');
  return [
    `trecheck ablate: ${r.cells} cells (each of ${r.switches.length} switches off in every threat scenario${r.options.pairs ? ', pairs' : ''}${r.options.trust ? ', trust' : ''}), ${formatCount(r.totalStates)} states, ${Math.round(r.millis / 1000)} s`,
    ...r.conclusions.map((c) => `  ${c.switch}: ${c.status}${c.status === 'necessary' ? ` (off breaks ${c.breaks.join(', ')})` : c.status === 'inconclusive' ? ': no attack found, but a cell was cut short' : `: ${c.reason ?? 'UNEXPLAINED: no attack with it off and no reason recorded'}`}`),
    `${necessary.length} of ${r.conclusions.length} switches necessary; suspect properties: ${r.suspects.join(', ') || 'none'}; inconclusive cells: ${r.inconclusive.length}`,
    ...(r.text === undefined ? [] : [`against ${r.text.file}: necessary but unreferenced ${r.text.necessaryUnreferenced.join(', ') || 'none'}; referenced but redundant ${r.text.referencedRedundant.join(', ') || 'none'}`]),
    `written: ${join(outDir, 'ablation.md')}, ${join(outDir, 'ablation.json')}, ${join(outDir, 'ablation-heatmap.svg')}${r.trust === undefined ? '' : `, ${join(outDir, 'ablation-trust.svg')}`}`,
  ];
}

/** Writes the report files; returns the report. */
export function writeAblation(
  scope: AblationScope,
  results: { singles: CellResult[]; pairs?: CellResult[]; trust?: CellResult[] },
  options: { maxStates: number; maxMemory?: number; outDir: string; text?: string; millis: number },
): AblationReport {
  const traces = saveTraces([...results.singles, ...(results.pairs ?? []), ...(results.trust ?? [])], join(options.outDir, 'ablation', 'traces'));
  const report = summarise({
    scope,
    ...results,
    traceFile: traces,
    maxStates: options.maxStates,
    ...(options.maxMemory === undefined ? {} : { maxMemory: options.maxMemory }),
    millis: options.millis,
    // Shown relative to the working folder: reports are committed, machine paths are not.
    ...(options.text === undefined ? {} : { referenced: { file: relative(process.cwd(), options.text).split('\\').join('/'), ids: referencedIds(options.text) } }),
  });
  mkdirSync(options.outDir, { recursive: true });
  writeFileSync(join(options.outDir, 'ablation.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(options.outDir, 'ablation-heatmap.svg'), heatMapSvg('Counter-measure switched off x property (threat scenarios)', report.switches, report.properties, report.matrix));
  if (report.trust !== undefined) {
    writeFileSync(join(options.outDir, 'ablation-trust.svg'), heatMapSvg('Dishonest role x property (every counter-measure on)', Object.keys(report.trust), report.properties, report.trust));
  }
  writeFileSync(join(options.outDir, 'ablation.md'), ablationMarkdown(report, 'ablation-heatmap.svg'));
  return report;
}

const shardSchema = z.object({
  format: z.literal(shardFormat),
  shard: z.object({ index: z.number().int().nonnegative(), count: z.number().int().positive() }),
  maxStates: z.number().int().positive(),
  /** --max-memory, when given. */
  maxMemory: z.number().int().positive().optional(),
  /** Absent in shards written before the flag existed. */
  reduction: z.boolean().optional(),
  trust: z.boolean(),
  threats: z.array(z.number().int()),
  results: z.array(z.looseObject({ spec: z.looseObject({ scenario: z.string() }) })),
});

/** `trecheck merge` of ablation shards: every shard of one split, then the report as an unsplit run writes it. */
export function mergeAblationShards(files: readonly string[], ctx: CliContext, outDir: string, textFlag: string | undefined): ExitCode {
  const text = textFlag ?? defaultText();
  const shards = files.map((file) => {
    const parsed = shardSchema.safeParse(readJsonFile('shard file', file));
    if (!parsed.success) throw new InputError(`${file} is not a ${shardFormat} file: ${parsed.error.issues[0]!.path.map(String).join('.') || 'file'}: ${parsed.error.issues[0]!.message}`);
    return parsed.data;
  });
  const first = shards[0]!;
  for (const [i, s] of shards.entries()) {
    if (s.shard.count !== first.shard.count || s.maxStates !== first.maxStates || s.maxMemory !== first.maxMemory || s.reduction !== first.reduction || s.trust !== first.trust || s.threats.join() !== first.threats.join()) throw new InputError(`${files[i]} is a shard of a different ablation than ${files[0]}`);
  }
  const missing = [...Array(first.shard.count).keys()].filter((k) => !shards.some((s) => s.shard.index === k));
  if (missing.length > 0) throw new InputError(`missing shard(s) ${missing.map((k) => `${k + 1}/${first.shard.count}`).join(', ')}: the matrix would be incomplete`);
  const all = shards.flatMap((s) => s.results as unknown as CellResult[]);
  const byLabel = new Map(all.map((r) => [cellLabel(r.spec), r]));
  const pick = (specs: readonly CellSpec[]): CellResult[] => specs.map((s) => {
    const r = byLabel.get(cellLabel(s));
    if (r === undefined) throw new InputError(`no shard holds cell "${cellLabel(s)}" (shards of an older model?)`);
    return r;
  });
  const scope = scopeOf(first.threats.length === 12 ? undefined : first.threats);
  const report = writeAblation(
    scope,
    { singles: pick(singleCells(scope)), ...(first.trust ? { trust: pick(trustCells(scope)) } : {}) },
    { maxStates: first.maxStates, ...(first.maxMemory === undefined ? {} : { maxMemory: first.maxMemory }), outDir, ...(text === undefined ? {} : { text }), millis: all.reduce((n, r) => n + r.millis, 0) },
  );
  ctx.out(`${summaryLines(report, outDir).join('\n')}\n`);
  return exitCodeOf(report);
}

async function runAblate(flags: AblateFlags, ctx: CliContext): Promise<ExitCode> {
  const shard = parseShard(flags.shard);
  if (shard !== undefined && flags.pairs === true) throw new InputError('--pairs plans its cells from the single-switch results: run it unsharded');
  const maxStates = parseCount('--max-states', flags.maxStates, 1) ?? defaultCellStates;
  const maxMemory = parseMaxMemory(flags.maxMemory);
  requireWritableFolder('--out', flags.out);
  const workers = parseCount('--workers', flags.workers, 1, 64) ?? 2;
  const text = flags.text ?? defaultText();
  if (flags.text !== undefined) loadText(flags.text);
  const options = { maxStates, ...(maxMemory === undefined ? {} : { memoryBudgetBytes: maxMemory }), reduction: flags.reduction !== false, workers, twoThreads: flags.workers === undefined, cache: new CellCache(flags.cache ? join(flags.out, 'cache', 'ablation') : undefined) };
  const scope = scopeOf(flags.threat?.map((id) => {
    const n = Number(/^t?(\d+)$/.exec(id.trim())?.[1]);
    if (!(n >= 1 && n <= 12)) throw new InputError(`unknown threat '${id}'; expected t1 to t12`);
    return n;
  }));
  const started = performance.now();
  const inShard = (specs: CellSpec[]): CellSpec[] => (shard === undefined ? specs : specs.filter((_, i) => i % shard.count === shard.index));
  const singles = await runCells(inShard(singleCells(scope)), options, ctx);
  const trust = flags.trust === true ? await runCells(inShard(trustCells(scope)), options, ctx) : undefined;
  if (shard !== undefined) {
    const file = join(flags.out, `ablation.shard-${shard.index + 1}-of-${shard.count}.json`);
    mkdirSync(flags.out, { recursive: true });
    writeFileSync(file, `${JSON.stringify({ format: shardFormat, shard, maxStates, ...(maxMemory === undefined ? {} : { maxMemory }), reduction: options.reduction, trust: trust !== undefined, threats: scope.threats, results: [...singles, ...(trust ?? [])] })}\n`);
    ctx.out(`shard ${shard.index + 1}/${shard.count}: ${singles.length + (trust?.length ?? 0)} cells written to ${file}; merge all shards with: trecheck merge <shard files>\n`);
    return ExitCode.ok;
  }
  const pairs = flags.pairs === true ? await runCells(pairCells(scope, singles), options, ctx) : undefined;
  const report = writeAblation(
    scope,
    { singles, ...(pairs === undefined ? {} : { pairs }), ...(trust === undefined ? {} : { trust }) },
    { maxStates, ...(maxMemory === undefined ? {} : { maxMemory }), outDir: flags.out, ...(text === undefined ? {} : { text }), millis: performance.now() - started },
  );
  ctx.out(flags.json === true ? `${JSON.stringify(report, null, 2)}\n` : `${summaryLines(report, flags.out).join('\n')}\n`);
  return exitCodeOf(report);
}

export function registerAblate(program: Command, ctx: CliContext): void {
  program
    .command('ablate')
    .description(
      'switch each modelled counter-measure off in turn in every threat scenario: the matrix counter-measure x property, ' +
        'which counter-measures each threat needs, and what the text references (exit 0: complete, every switch necessary or ' +
        'explained; 1: a suspect property or an unexplained redundant switch; 3: an inconclusive cell)',
    )
    .option('--threat <id>', 'only this threat\'s scenarios and switches, t1 to t12 (repeatable; default all)', collectOption)
    .option('--pairs', 'defence in depth: pairs of switches, for the properties no single switch breaks')
    .option('--trust', 'make each role of the trust model (004 Annex x.3) dishonest in turn, every counter-measure on')
    .option('--shard <i/n>', 'run only shard i of n of the cells (merge the shard files with trecheck merge)')
    .option('--workers <n>', 'worker threads running cells side by side, each cell on one (default 2, and a long cell left alone goes on on a second core where one has been idle)')
    .option('--max-states <n>', `states a cell may explore before it stops, inconclusive (default ${defaultCellStates})`)
    .option(maxMemoryFlags, maxMemoryHelp)
    .option('--no-reduction', 'search every cell taking every enabled step (default: partial-order reduction where the model offers it)')
    .option('--no-cache', 'recompute every cell (default: reuse cells whose sources, scenario, switches and options are unchanged)')
    .option('--out <dir>', 'where ablation.md, ablation.json, the heat maps and the attack traces go (the committed matrix in reports/: npm run ablation)', defaultReportDir)
    .option('--text <file>', 'the TRE function text to compare with (default: seed 004 when present)')
    .option('--json', 'print the report as JSON')
    .action(async (flags: AblateFlags) => ctx.exit(await runAblate(flags, ctx)));
}

