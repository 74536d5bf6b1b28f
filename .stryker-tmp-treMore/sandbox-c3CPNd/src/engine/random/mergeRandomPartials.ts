// Turns random-search partials (shards, workers) into verdicts. Merging is by chunk index, so the
// verdicts do not depend on how chunks were spread over workers, shards or machines.
import { propertyId } from '../Property.ts';
import type { SearchOutcome, Verdict } from '../Verdict.ts';
import { enoughViolations, trimChunks, type RandomPartial } from './RandomPartial.ts';
import type { ChunkViolation } from './runChunk.ts';

/** The chunks the partials were asked to run. */
function assignedChunks(partials: readonly RandomPartial[]): number[] {
  const first = partials[0]!;
  const total = Math.ceil(first.runs / first.chunkRuns);
  const assigned: number[] = [];
  for (let c = 0; c < total; c++) {
    if (partials.some((p) => (p.onlyChunk === undefined ? c % p.shard.count === p.shard.index : c === p.onlyChunk))) assigned.push(c);
  }
  return assigned;
}

/** Verdicts from partials of the same search (same system, config, properties, runs, steps, seed). */
export function mergeRandomPartials(partials: readonly RandomPartial[]): SearchOutcome {
  const first = partials[0];
  if (first === undefined) throw new Error('mergeRandomPartials: nothing to merge');
  const chunks = trimChunks(
    partials.flatMap((p) => p.chunks),
    first.properties,
    first.counterexamples,
  );
  const allViolated = enoughViolations(chunks, first.properties, 1);
  const byIndex = new Map(chunks.map((c) => [c.chunk, c]));
  // When every property is violated the remaining chunks are not needed; otherwise all assigned ones are.
  const complete =
    allViolated || assignedChunks(partials).every((c) => byIndex.get(c) !== undefined && !byIndex.get(c)!.interrupted);
  const runs = chunks.reduce((n, c) => n + c.runs, 0);
  const steps = chunks.reduce((n, c) => n + c.steps, 0);
  const stats = {
    states: steps + runs,
    transitions: steps,
    depth: chunks.reduce((n, c) => Math.max(n, c.longest), 0),
    millis: Math.max(...partials.map((p) => p.millis)),
    shrinkSteps: chunks.reduce((n, c) => n + c.shrinkSteps, 0),
  };
  const verdicts = first.properties.map((id) => {
    const property = propertyId(id);
    // The shortest of the first `counterexamples` violations in chunk order (the earliest among equals).
    const found = chunks
      .flatMap((c) => c.violations.filter((v) => v.property === id))
      .slice(0, first.counterexamples)
      .reduce<ChunkViolation | undefined>(
        (best, v) => (best === undefined || v.trace.actions.length < best.trace.actions.length ? v : best),
        undefined,
      );
    const verdict: Verdict =
      found !== undefined
        ? { kind: 'violated', property, trace: found.trace, stats }
        : complete
          ? { kind: 'no-violation-found', runs, maxSteps: first.maxSteps, seed: first.seed, stats }
          : { kind: 'inconclusive', limit: chunks.some((c) => c.outOfMemory === true) ? 'memory' : 'time', stats };
    return { property, verdict };
  });
  return { verdicts, stats };
}
