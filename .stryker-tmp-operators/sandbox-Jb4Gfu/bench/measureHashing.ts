// The string-key path of the visited set: hashString64 (the engine's 64-bit fingerprint hash)
// against @noble/hashes sha256 on the same keys, collisions among a million keys, and the
// benchmark model searched with string keys (hash compaction) instead of packed numbers.
import { sha256 } from '@noble/hashes/sha2.js';
import { FingerprintSet } from '../src/engine/exhaustive/FingerprintSet.ts';
import { hashString64 } from '../src/engine/exhaustive/hashString64.ts';
import { searchExhaustive } from '../src/engine/exhaustive/searchExhaustive.ts';
import { createBenchmark } from '../examples/benchmark/createBenchmark.ts';

export interface HashingFigures {
  readonly keys: number;
  readonly keyChars: number;
  readonly hashString64Nanos: number;
  readonly sha256Nanos: number;
  /** Distinct keys whose 63-bit fingerprints coincided (expected ~ keys^2 / 2^64, i.e. 0). */
  readonly collisions: number;
  readonly stringKeySearch: {
    readonly states: number;
    readonly millis: number;
    readonly statesPerSecond: number;
    readonly omissionBound: number;
  };
}

export function measureHashing(maxP: number): HashingFigures {
  const keys = 1_000_000;
  const texts = Array.from({ length: keys }, (_, i) => `state:${i}:${Math.imul(i, 2654435761) >>> 0}:${i % 7}`);
  const out = new Uint32Array(2);
  const seen = new FingerprintSet(1 << 21);
  let collisions = 0;
  for (let i = 0; i < 100_000; i++) hashString64(texts[i]!, 0, out); // warm-up
  let began = performance.now();
  for (const text of texts) hashString64(text, 0, out);
  const hashString64Nanos = ((performance.now() - began) * 1e6) / keys;
  for (const text of texts) {
    hashString64(text, 0, out);
    if (!seen.add((out[0]! | 0x80000000) >>> 0, out[1]!)) collisions++;
  }
  const encoder = new TextEncoder();
  const sample = texts.slice(0, 100_000);
  for (const text of sample.slice(0, 10_000)) sha256(encoder.encode(text)); // warm-up
  began = performance.now();
  for (const text of sample) sha256(encoder.encode(text));
  const sha256Nanos = ((performance.now() - began) * 1e6) / sample.length;

  const { system, properties } = createBenchmark({ maxP });
  const stringKeyed = { ...system, key: (s: number) => `s${s}` };
  searchExhaustive(stringKeyed, properties, { maxDepth: 20 }); // warm-up
  const outcome = searchExhaustive(stringKeyed, properties);
  return {
    keys,
    keyChars: Math.round(texts.reduce((n, t) => n + t.length, 0) / keys),
    hashString64Nanos,
    sha256Nanos,
    collisions,
    stringKeySearch: {
      states: outcome.stats.states,
      millis: outcome.stats.millis,
      statesPerSecond: (outcome.stats.states / outcome.stats.millis) * 1000,
      omissionBound: outcome.fingerprints.omissionBound,
    },
  };
}
