// The result of running some chunks of a random search (one shard, one process or all of them):
// what workers, shards and machines exchange, and the chunk-order rules every merge follows.
import type { ChunkResult } from './runChunk.ts';
import type { Shard } from './RandomOptions.ts';

export const randomPartialFormat = 'trecheck-random-shard/1';

export interface RandomPartial {
  readonly format: typeof randomPartialFormat;
  readonly system: string;
  readonly config: unknown;
  /** Ids of the properties checked, in order. */
  readonly properties: readonly string[];
  readonly runs: number;
  readonly maxSteps: number;
  readonly seed: number;
  readonly chunkRuns: number;
  readonly counterexamples: number;
  readonly shard: Shard;
  /** Set when only the chunk of one counterexample path was run. */
  readonly onlyChunk: number | undefined;
  /** Chunks run, by increasing index. */
  readonly chunks: readonly ChunkResult[];
  readonly millis: number;
}

/** Counts, per property, the chunks that violate it, as chunk results come in (in any order). */
export class ViolationTally {
  private readonly chunksOf = new Map<string, number[]>();

  constructor(
    private readonly properties: readonly string[],
    private readonly wanted: number,
  ) {}

  add(result: ChunkResult): void {
    for (const v of result.violations) {
      const list = this.chunksOf.get(v.property) ?? [];
      list.push(result.chunk);
      this.chunksOf.set(v.property, list);
    }
  }

  /** True when every property has `wanted` violating chunks below `before` (default: any). */
  enough(before = Number.POSITIVE_INFINITY): boolean {
    return this.properties.every(
      (id) => (this.chunksOf.get(id) ?? []).filter((c) => c < before).length >= this.wanted,
    );
  }
}

/** Keeps chunks in index order until every property has `wanted` violating chunks: later chunks cannot
 *  change any verdict, and dropping them makes counts independent of how many chunks were in flight. */
export function trimChunks(chunks: readonly ChunkResult[], properties: readonly string[], wanted: number): ChunkResult[] {
  const sorted = [...chunks].sort((a, b) => a.chunk - b.chunk);
  const tally = new ViolationTally(properties, wanted);
  const kept: ChunkResult[] = [];
  for (const chunk of sorted) {
    if (tally.enough()) break;
    kept.push(chunk);
    tally.add(chunk);
  }
  return kept;
}

/** True when every property is violated in at least `wanted` of `chunks`. */
export function enoughViolations(chunks: readonly ChunkResult[], properties: readonly string[], wanted: number): boolean {
  const tally = new ViolationTally(properties, wanted);
  for (const chunk of chunks) tally.add(chunk);
  return tally.enough();
}
