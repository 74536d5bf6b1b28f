// Deterministic seed of each chunk and round of a random search, so chunks can run in any
// order, on any worker or machine, and give the same runs.

/** Mixes the search seed with a chunk index and a round (murmur3's 32-bit finalizer). */
export function chunkSeed(seed: number, chunk: number, round: number): number {
  let h = (seed ^ Math.imul(chunk + 1, 0x9e3779b1) ^ Math.imul(round + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
