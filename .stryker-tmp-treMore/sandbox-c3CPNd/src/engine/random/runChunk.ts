// One chunk of a random search: `chunkRuns` fast-check runs from the chunk's own seed.
// When a run violates a property, it is shrunk (fast-check, then shrinkLabels), recorded, and the
// chunk goes on with the remaining runs and properties in a new round with a derived seed. Steps of the search's
// runs and steps spent shrinking are counted apart.
import fc from 'fast-check';
import type { Property } from '../Property.ts';
import { isStoreLimit } from '../StoreLimitError.ts';
import type { System } from '../System.ts';
import type { Trace } from '../Trace.ts';
import { chunkSeed } from './chunkSeed.ts';
import { countingSteps } from './countingSteps.ts';
import type { ResolvedRandomOptions } from './RandomOptions.ts';
import { randomTrace } from './randomTrace.ts';
import { actionsOfChoices, runChoices, type RunCounters } from './runChoices.ts';
import { shrinkLabels } from './shrinkLabels.ts';

export interface ChunkViolation {
  readonly property: string;
  readonly trace: Trace;
}

/** What one chunk found; JSON-safe, so workers and shards can send it. */
export interface ChunkResult {
  readonly chunk: number;
  /** Runs made (at most the chunk's planned runs). */
  readonly runs: number;
  readonly planned: number;
  /** A limit stopped the chunk before its planned runs: the time limit, or a store at its ceiling (`memory`). */
  readonly interrupted: boolean;
  /** Set when a store of the system could not grow (StoreLimitError): the chunk ended there, with what it ran. */
  readonly outOfMemory?: true;
  readonly violations: readonly ChunkViolation[];
  /** Steps of the runs of the search (shrinking not included), and the longest of those runs. */
  readonly steps: number;
  readonly longest: number;
  /** Steps executed while shrinking counterexamples: fast-check's shrinking runs, re-executing the
   *  counterexample, and shrinkLabels' passes. */
  readonly shrinkSteps: number;
}

/** Planned runs of chunk `chunk`: the last one takes the remainder. */
function plannedRuns(options: ResolvedRandomOptions, chunk: number): number {
  return Math.min(options.chunkRuns, options.runs - chunk * options.chunkRuns);
}

export function chunkCount(options: ResolvedRandomOptions): number {
  return Math.ceil(options.runs / options.chunkRuns);
}

/** `deadline` is an absolute Date.now() time, or undefined for no limit. */
export function runChunk<S, A>(
  system: System<S, A>,
  properties: readonly Property<S, A>[],
  options: ResolvedRandomOptions,
  chunk: number,
  deadline: number | undefined,
): ChunkResult {
  const initials = system.initialStates();
  const planned = plannedRuns(options, chunk);
  const counters: RunCounters = { steps: 0, runs: 0, longest: 0 };
  const shrinking: RunCounters = { steps: 0, runs: 0, longest: 0 };
  const violations: ChunkViolation[] = [];
  let active = [...properties];
  let runs = 0;
  let interrupted = false;
  let outOfMemory = false;
  const initialIndex: fc.Arbitrary<number> = initials.length > 1 ? fc.nat({ max: initials.length - 1 }) : fc.constant(0);
  const arbitrary = fc.tuple(initialIndex, fc.array(fc.nat(), { maxLength: options.maxSteps, size: 'max' }));
  for (let round = 0; runs < planned && active.length > 0; round++) {
    const left = deadline === undefined ? undefined : deadline - Date.now();
    if (left !== undefined && left <= 0) {
      interrupted = true;
      break;
    }
    const checked = active;
    const seed = chunkSeed(options.seed, chunk, round);
    const parameters: fc.Parameters<[[number, number[]]]> = {
      seed,
      numRuns: planned - runs,
      // A uniform walk: fast-check's bias towards small values would mostly pick the first enabled action.
      // fast-check types its generic plugins as Plugin<unknown>, which does not widen to a typed property.
      plugins: (left === undefined ? [fc.unbiased()] : [fc.unbiased(), fc.interruptAfterTimeLimit(left)]) as fc.Plugin<
        [[number, number[]]]
      >[],
    };
    // fast-check calls the predicate for new runs until one fails, then only for shrinking it.
    let failed = false;
    const runsBefore = counters.runs;
    const details = fc.check(
      fc.property(arbitrary, ([init, choices]) => {
        // Past a store's ceiling every run passes unexamined, so that fast-check (which takes a thrown error for a
        // failure) reports no counterexample; the chunk then ends inconclusive with the runs made before.
        if (outOfMemory) return true;
        try {
          const holds = runChoices(system, checked, initials[init]!, choices, failed ? shrinking : counters).violated < 0;
          if (!holds) failed = true;
          return holds;
        } catch (error) {
          if (!isStoreLimit(error)) throw error;
          outOfMemory = true;
          return true;
        }
      }),
      parameters,
    );
    if (outOfMemory) {
      runs += counters.runs - runsBefore;
      interrupted = true;
      break;
    }
    runs += details.numRuns;
    if (details.counterexample === null) {
      interrupted = details.interrupted;
      break;
    }
    const [[init, choices]] = details.counterexample;
    let found: { readonly violation: ChunkViolation; readonly property: Property<S, A> };
    try {
      found = counterexample(system, checked, initials[init]!, init, choices, shrinking, options.seed, `${chunk}.${round}`);
    } catch (error) {
      // Re-executing and shrinking it steps the system again: a store may reach its ceiling there too.
      if (!isStoreLimit(error)) throw error;
      outOfMemory = true;
      interrupted = true;
      break;
    }
    violations.push(found.violation);
    active = active.filter((p) => p !== found.property);
  }
  return {
    chunk,
    runs,
    planned,
    interrupted,
    ...(outOfMemory ? { outOfMemory: true as const } : {}),
    violations,
    steps: counters.steps,
    longest: counters.longest,
    shrinkSteps: shrinking.steps,
  };
}

/** The violation of fast-check's counterexample run: re-executed, shrunk, its trace located at `path` ("chunk.round":
 *  re-running that chunk from the search seed reproduces it; fast-check's seed for it is chunkSeed(seed, chunk,
 *  round), its own path only adds shrink noise). */
function counterexample<S, A>(
  system: System<S, A>,
  checked: readonly Property<S, A>[],
  initial: S,
  init: number,
  choices: readonly number[],
  shrinking: RunCounters,
  seed: number,
  path: string,
): { readonly violation: ChunkViolation; readonly property: Property<S, A> } {
  const outcome = runChoices(system, checked, initial, choices, shrinking);
  const property = checked[outcome.violated];
  // fast-check only reports a counterexample on which the predicate failed, and runs are deterministic.
  if (property === undefined) throw new Error('runChunk: fast-check counterexample does not violate on re-execution');
  const labels = actionsOfChoices(system, initial, choices, outcome.steps).map((a) => system.actionLabel(a));
  shrinking.steps += outcome.steps; // actionsOfChoices stepped the run again
  const shrunk = shrinkLabels(countingSteps(system, shrinking), property, initial, labels);
  return { violation: { property: property.id, trace: randomTrace(system, property, init, shrunk, seed, path) }, property };
}
