// collectReplaced: an array a store dropped is released at once when it is large, and small ones cost no collection.
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { collectReplaced } from '../../src/packing/collectReplaced.ts';

/** Major collections V8 reports while `run` runs (and its entries are delivered). */
async function majorCollections(run: () => void): Promise<number> {
  let majors = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++;
  });
  observer.observe({ entryTypes: ['gc'] });
  run();
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return majors;
}

/** Whether the process's array buffers fall `bytes` below `before` within a second, but for 4 MiB: the count is the
 *  whole process's, and the test runner's own messages (Node buffers) may take some meanwhile. */
async function released(before: number, bytes: number): Promise<boolean> {
  for (let waited = 0; waited < 1000; waited += 10) {
    if (before - process.memoryUsage().arrayBuffers >= bytes - 4 * 2 ** 20) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}

describe('collectReplaced', () => {
  it('releases a dropped array of 64 MiB at once', async () => {
    let table: Uint32Array | undefined = new Uint32Array(16 * 2 ** 20).fill(1);
    const before = process.memoryUsage().arrayBuffers;
    const bytes = table.byteLength;
    table = undefined;
    collectReplaced(bytes);
    expect(table).toBeUndefined();
    // V8 frees array buffers found dead on a background thread after the collection, so the count falls a moment
    // later (on a busy machine, some milliseconds); nothing else collects in that time.
    expect(await released(before, bytes)).toBe(true);
  });

  it('runs a full collection for a large array, none for a small one', async () => {
    expect(await majorCollections(() => collectReplaced(64 * 2 ** 20))).toBeGreaterThan(0);
    expect(await majorCollections(() => collectReplaced(2 ** 20))).toBe(0);
  });

  it('runs a full collection for an array on shared memory, whatever its size', async () => {
    expect(await majorCollections(() => collectReplaced(2 ** 20, true))).toBeGreaterThan(0);
  });
});
