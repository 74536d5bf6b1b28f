// The one-thread search's memory budget: V8's heap plus the memory outside it, read every so many states.
import { getHeapStatistics } from 'node:v8';

/** Whether the memory in use passes a budget: the heap in use against `heapBudget` (V8 aborts the process at its
 *  heap limit), the heap plus the memory outside it against `memoryBudget`. V8's heap statistics, not
 *  process.memoryUsage(), which also reads the resident size from the OS (4x slower); `external_memory` counts every
 *  ArrayBuffer (the stores' typed arrays), which the heap's own figure leaves out. */
export function overBudget(memoryBudget: number | undefined, heapBudget: number | undefined): boolean {
  if (memoryBudget === undefined && heapBudget === undefined) return false;
  const heap = getHeapStatistics();
  if (heapBudget !== undefined && heap.used_heap_size > heapBudget) return true;
  return memoryBudget !== undefined && heap.used_heap_size + externalMemory(heap) > memoryBudget;
}

/** Bytes V8 counts outside its heap (ArrayBuffers); 0 where the statistics do not give it. */
function externalMemory(heap: ReturnType<typeof getHeapStatistics>): number {
  return (heap as { external_memory?: number }).external_memory ?? 0;
}
