// Helper thread of the shared-memory exhaustive search: rebuilds the system, says it is ready, and
// once the main thread lets it join works on each level beside it, waiting at the level barriers.
import { setPriority } from 'node:os';
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { explorerOrder } from '../exhaustive/assembleVerdicts.ts';
import type { Invariant } from '../Property.ts';
import { rebuildFromSource } from '../SystemSource.ts';
import type { System } from '../System.ts';
import { rehashShare } from './rehashShare.ts';
import { SharedExplorer } from './SharedExplorer.ts';
import type { SharedHelperData, ToSharedHelper } from './SharedHelperProtocol.ts';
import { Command, statsStride, Word } from './SharedSearchMemory.ts';

if (parentPort !== null) {
  const data = workerData as SharedHelperData;
  const control = new Int32Array(data.control);
  try {
    await help(parentPort, data, control);
  } catch (error) {
    // The main thread may be waiting at a barrier: wake it, then let the error end this thread.
    Atomics.store(control, Word.failed, 1);
    Atomics.add(control, Word.arrived, 1);
    Atomics.notify(control, Word.arrived);
    throw error;
  }
}

async function help(port: MessagePort, data: SharedHelperData, control: Int32Array): Promise<void> {
  const { system, properties } = await rebuildFromSource(data.source, data.properties);
  const { invariants } = explorerOrder(properties);
  // Loaded at a lower priority (workerBoot.mjs), searched at the normal one where that is permitted.
  try {
    if (data.bootNice !== undefined) setPriority(0);
  } catch {
    // Raising a priority needs privileges: the helper then works at the lower one.
  }
  Atomics.store(control, Word.ready + data.index, 1);
  Atomics.notify(control, Word.ready + data.index);
  // Joining: the main thread posts the current arrays and the limits, then sets our join word.
  Atomics.wait(control, Word.join + data.index, 0);
  const joining = latest(port);
  // Join word 2 and no arrays: the search ended before this helper was needed.
  if (joining === undefined) return;
  const explorer = new SharedExplorer(
    system as System<number, unknown>,
    invariants as Invariant<number>[],
    control,
    new Float64Array(data.stats),
    statsStride(data.properties.length),
    data.index,
    joining.limits.deadlineEpoch - performance.timeOrigin,
    joining.limits.stopAtFirst,
  );
  explorer.bind(joining.arrays);
  let gen = joining.gen;
  explorer.beginLevel();
  let command: number = Command.expandLevel;
  let grown: ToSharedHelper | undefined;
  for (;;) {
    if (command === Command.rehash && grown?.rehash !== undefined) {
      const { old, part, parts } = grown.rehash;
      rehashShare(new Int32Array(old), new Int32Array(grown.arrays.table), part, parts);
    } else {
      explorer.work();
    }
    Atomics.add(control, Word.arrived, 1);
    Atomics.notify(control, Word.arrived);
    waitForChange(control, Word.gen, gen);
    gen = Atomics.load(control, Word.gen);
    grown = latest(port);
    if (grown !== undefined) explorer.bind(grown.arrays);
    command = Atomics.load(control, Word.command);
    if (command === Command.stop) return;
    if (command === Command.expandLevel) explorer.beginLevel();
    else explorer.readLevel();
  }
}

/** Waits until word `index` is no longer `value`: a short spin first (levels often end within
 *  microseconds of each other), then the futex wait. */
function waitForChange(control: Int32Array, index: number, value: number): void {
  const spinUntil = performance.now() + 0.05;
  while (performance.now() < spinUntil) if (Atomics.load(control, index) !== value) return;
  Atomics.wait(control, index, value);
}

/** The newest of the messages the main thread sent since the last call (undefined if none). */
function latest(port: MessagePort): ToSharedHelper | undefined {
  let newest: ToSharedHelper | undefined;
  for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) newest = m.message as ToSharedHelper;
  return newest;
}
