// `trecheck merge SHARD...`: merges the shard files of a random search split with --shard i/n
// (possibly run on several machines) into the verdicts of the whole search.
import type { Command } from 'commander';
import { z } from 'zod';
import { canonicalJson } from '../../engine/canonicalJson.ts';
import { mergeRandomPartials } from '../../engine/random/mergeRandomPartials.ts';
import { randomPartialFormat, type RandomPartial } from '../../engine/random/RandomPartial.ts';
import { defaultReportDir } from '../reportOptions.ts';
import type { CliContext } from '../CliContext.ts';
import { formatCount } from '../../report/formatCount.ts';
import { InputError } from '../InputError.ts';
import { readJsonFile } from '../readJsonFile.ts';
import { reportSearch } from '../reportSearch.ts';
import { buildSystem } from '../systems.ts';
import { mergeAblationShards, shardFormat } from './ablate.ts';
import { verdictExitCode } from '../verdictExitCode.ts';

const count = z.number().int().nonnegative();
const partialSchema = z.object({
  format: z.literal(randomPartialFormat),
  system: z.string(),
  config: z.unknown(),
  properties: z.array(z.string()),
  runs: count,
  maxSteps: count,
  seed: count,
  chunkRuns: count,
  counterexamples: count,
  shard: z.object({ index: count, count: count }),
  onlyChunk: count.optional(),
  chunks: z.array(
    z.object({
      chunk: count,
      runs: count,
      planned: count,
      interrupted: z.boolean(),
      outOfMemory: z.literal(true).optional(),
      violations: z.array(z.object({ property: z.string(), trace: z.looseObject({ actions: z.array(z.string()) }) })),
      steps: count,
      longest: count,
      // Absent from shards written before shrinking was counted apart (their steps include it).
      shrinkSteps: count.default(0),
    }),
  ),
  millis: z.number(),
});

/** The fields that must agree for shards to belong to one search. */
const searchIdentity = (p: RandomPartial): string =>
  canonicalJson([p.system, p.config, p.properties, p.runs, p.maxSteps, p.seed, p.chunkRuns, p.counterexamples, p.shard.count]);

function loadPartials(files: readonly string[]): RandomPartial[] {
  const partials = files.map((file) => {
    const parsed = partialSchema.safeParse(readJsonFile('shard file', file));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InputError(`${file} is not a ${randomPartialFormat} shard file: ${issue.path.map(String).join('.') || 'file'}: ${issue.message}`);
    }
    return parsed.data as unknown as RandomPartial;
  });
  const first = partials[0]!;
  partials.forEach((p, i) => {
    if (searchIdentity(p) !== searchIdentity(first)) throw new InputError(`${files[i]} is a shard of a different search than ${files[0]}`);
    const twin = partials.findIndex((q) => q.shard.index === p.shard.index);
    if (twin !== i) throw new InputError(`${files[i]} and ${files[twin]} are the same shard ${p.shard.index + 1}/${p.shard.count}`);
  });
  return partials;
}

export function merge(ctx: CliContext, files: readonly string[], outDir: string): void {
  const partials = loadPartials(files);
  const first = partials[0]!;
  const built = buildSystem(first.system, first.config);
  const outcome = mergeRandomPartials(partials);
  const present = partials.map((p) => p.shard.index + 1).sort((a, b) => a - b);
  const missing = first.shard.count - partials.length;
  ctx.out(`${first.system} ${JSON.stringify(first.config)}\n`);
  const summary = `${formatCount(first.runs)} runs of <= ${first.maxSteps} steps, seed ${first.seed}, shards ${present.join(', ')} of ${first.shard.count}`;
  reportSearch(ctx, built, { method: 'random', summary, outcome }, outDir);
  if (missing > 0) ctx.out(`${missing} shard(s) missing: the verdicts above cover only the runs of the shards given\n`);
  ctx.exit(verdictExitCode(outcome.verdicts));
}

/** An ablation shard names its format first; anything else is read as a random-search shard. */
function isAblationShard(file: string): boolean {
  const data = readJsonFile('shard file', file);
  return typeof data === 'object' && data !== null && (data as { format?: unknown }).format === shardFormat;
}

export function registerMerge(program: Command, ctx: CliContext): void {
  program
    .command('merge')
    .description('merge the shard files of a random search (explore --shard) or of an ablation (ablate --shard)')
    .argument('<files...>', 'shard files written by trecheck explore --shard or trecheck ablate --shard')
    .option('--out <dir>', 'random search: where counterexample traces are saved (default traces); ablation: where the report goes (default reports/latest)')
    .option('--text <file>', 'ablation: the TRE function text to compare with (default: seed 004 when present)')
    .action((files: string[], flags: { out?: string; text?: string }) => {
      const ablation = files.map(isAblationShard);
      if (ablation.some((a) => a !== ablation[0])) throw new InputError('merge takes shards of one kind: random-search shards or ablation shards, not both');
      if (ablation[0] === true) ctx.exit(mergeAblationShards(files, ctx, flags.out ?? defaultReportDir, flags.text));
      else merge(ctx, files, flags.out ?? 'traces');
    });
}
