// The bench's "heap growth after GC" figure, and the check that keeps it possible: the search's visited set and
// parent pointers are typed arrays alive at the last sample, so growth below their size is a measuring error.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type HeapGrowth =
  | { readonly kind: 'measured'; readonly bytesPerState: number }
  /** Read below what the search's own arrays hold: the reading is wrong (GC timing, array buffers freed late). */
  | { readonly kind: 'untrusted'; readonly readBytesPerState: number; readonly floorBytesPerState: number }
  | { readonly kind: 'not-measured'; readonly reason: string };

export interface HeapSample {
  readonly peakBytes: number;
  readonly states: number;
  readonly visitedBytes: number;
  readonly parentBytes: number;
}

/** The figure a sample allows: never below the visited set and parent pointers it must include. */
export function judgeHeapGrowth(sample: HeapSample): HeapGrowth {
  const bytesPerState = sample.peakBytes / sample.states;
  const floorBytesPerState = (sample.visitedBytes + sample.parentBytes) / sample.states;
  return bytesPerState >= floorBytesPerState ? { kind: 'measured', bytesPerState } : { kind: 'untrusted', readBytesPerState: bytesPerState, floorBytesPerState };
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** Live memory an exhaustive search of the benchmark model holds, from a fresh process with GC exposed. */
export function measureHeapGrowth(maxP: number): HeapGrowth {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/heapGrowthProcess.ts', String(maxP)], { cwd: root, encoding: 'utf8' });
  if (child.error !== undefined || child.status !== 0) {
    return { kind: 'not-measured', reason: `the measuring process failed: ${child.error?.message ?? child.stderr.trim().split('\n').at(-1) ?? `exit ${child.status}`}` };
  }
  return judgeHeapGrowth(JSON.parse(child.stdout.trim().split('\n').at(-1)!) as HeapSample);
}
