// Child process of the headline figures: one model's first search in this fresh process, as a user's run pays it
// (empty tables, cold JIT): `tr <scenario> [injections]` (a threat scenario with the properties `check` searches, its
// injection budget as the threat suite has it unless given; `tr <scenario> <injections> 2`: on two threads, the pipelined
// search; `... auto`: the default, one thread going on on two once it has run a while and a core was idle;
// `tr-warm <scenario>`: a new system of it searched after a first one, not a first search: a diagnostic; `tr-again
// <scenario>`: one system searched a third time, every table built: what the search costs with none left to build) or
// `benchmark <maxP>`. Prints one JSON line: the search's figures, the process's resident memory before the system
// is built and at its peak (the kernel's high-water mark), and the bytes of the search's own structures.
import { splitProperties } from '../src/engine/searchProperties.ts';
import { worldSystem } from '../models/world/worldSystem.ts';
import { searchedProperties } from '../src/cli/check/runCheckJob.ts';
import { searchExhaustive } from '../src/engine/exhaustive/searchExhaustive.ts';
import { resolveExhaustiveOptions } from '../src/engine/exhaustive/ExhaustiveOptions.ts';
import { searchPipelined } from '../src/engine/pipeline/searchPipelined.ts';
import { createBenchmark } from '../examples/benchmark/createBenchmark.ts';
import { threatSuitePlan } from './measureThreats.ts';
import { adaptiveTwoThreads } from '../src/engine/pipeline/adaptiveTwoThreads.ts';
import type { ExplorationStats } from '../src/engine/Verdict.ts';

export interface FirstSearchSample {
  readonly model: string;
  readonly states: number;
  readonly transitions: number;
  readonly millis: number;
  /** CPU time of the process while it built the system and searched (user + system, every thread: GC helpers too):
   *  less skewed by other work on the machine than the wall time. */
  readonly cpuMillis: number;
  /** Resident set size once the modules are loaded, before the system is built. */
  readonly rssBeforeBytes: number;
  /** Peak resident set size of the process (getrusage's ru_maxrss). */
  readonly peakRssBytes: number;
  /** Bytes of the search's structures from their own count: visited set, parents, and the world's tables. */
  readonly structureBytes: number;
  readonly verdicts: readonly string[];
  /** On two threads: from which level (ExplorationStats.twoThreads). */
  readonly twoThreads?: ExplorationStats['twoThreads'];
  /** A TR world's first search on one thread: the distinct role steps its tables asked XState (MemoMachine), and the
   *  milliseconds XState took for them. */
  readonly xstate?: XStateWork;
}

export interface XStateWork {
  readonly steps: number;
  readonly millis: number;
}

const [which, arg, injections, threads] = process.argv.slice(2);
const rssBeforeBytes = process.memoryUsage.rss();

let cpuBefore = process.cpuUsage();
let twoThreads: ExplorationStats['twoThreads'];

function sample(model: string, outcome: ReturnType<typeof searchExhaustive>, tableBytes: number, xstate?: XStateWork): FirstSearchSample {
  const cpu = process.cpuUsage(cpuBefore);
  return {
    model,
    states: outcome.stats.states,
    transitions: outcome.stats.transitions,
    millis: outcome.stats.millis,
    cpuMillis: (cpu.user + cpu.system) / 1000,
    rssBeforeBytes,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    structureBytes: outcome.memory.visitedBytes + outcome.memory.parentBytes + tableBytes,
    verdicts: outcome.verdicts.map((v) => `${v.property}: ${v.verdict.kind}`),
    ...(twoThreads === undefined ? {} : { twoThreads }),
    ...(xstate === undefined ? {} : { xstate }),
  };
}

/** The TR world's modes, and what each adds to the model's name. */
const trModes: Record<string, string> = { tr: '', 'tr-warm': ', searched again as a new system', 'tr-again': ', the same system searched a third time' };

let result: FirstSearchSample;
if (which !== undefined && Object.hasOwn(trModes, which)) {
  const suiteJob = threatSuitePlan().jobs.find((j) => j.config.name === arg);
  if (suiteJob === undefined || (injections !== undefined && !/^\d+$/.test(injections)) || (threads !== undefined && threads !== '1' && threads !== '2' && threads !== 'auto')) {
    process.stderr.write(`bench/firstSearchProcess.ts: no threat scenario ${arg}, or injections not a count: ${injections}, or threads not 1, 2 or auto: ${threads}\n`);
    process.exit(2);
  }
  const budget = injections === undefined ? suiteJob.config.attacker.injections : Number(injections);
  const job = { ...suiteJob, config: { ...suiteJob.config, attacker: { ...suiteJob.config.attacker, injections: budget } } };
  // A budget given: the search runs to its end, past the default cap of states (a bench of how far the engine goes).
  const properties = splitProperties(searchedProperties(job)).safety;
  const options = { ...(injections === undefined ? {} : { maxStates: Infinity }), ...(threads === 'auto' ? { twoThreads: adaptiveTwoThreads() } : {}) };
  // tr-warm: the figures of a second system's search, after a first one in this process (the code compiled, every
  // table new): what the first search pays for compiling, as a diagnostic.
  if (which === 'tr-warm') searchExhaustive(worldSystem(job.config), properties, options);
  const system = worldSystem(job.config);
  // tr-again: the same system searched twice before (the second time so the code that finds every record already
  // interned is compiled too), as a diagnostic of the search alone.
  if (which === 'tr-again') for (let i = 0; i < 2; i++) searchExhaustive(system, properties, options);
  cpuBefore = process.cpuUsage();
  const outcome = threads === '2' ? await searchPipelined(system, properties, resolveExhaustiveOptions(options)) : searchExhaustive(system, properties, options);
  twoThreads = outcome.stats.twoThreads;
  const model = system.initialStates()[0]!.model;
  // XState's part of a first search on one thread (on two, or going on on two, the tables are the search thread's).
  const xstate = which !== 'tr' || (threads !== undefined && threads !== '1') ? undefined : model.memos.reduce((w, m) => ({ steps: w.steps + m.xstateSteps, millis: w.millis + m.xstateMillis }), { steps: 0, millis: 0 });
  // On two threads the world records are the store thread's (counted in the visited set's bytes).
  result = sample(`TR world, ${arg}${trModes[which]}${injections === undefined ? '' : `, ${budget} injections`}${threads === '2' ? ', two threads' : threads === 'auto' ? ', the default threads' : ''}`, outcome, model.worlds.bytes + model.roleTuples.bytes + model.stepTableBytes, xstate);
} else {
  cpuBefore = process.cpuUsage();
  const { system, properties } = createBenchmark({ maxP: Number(arg) });
  result = sample(`benchmark model, MAXP=${arg}`, searchExhaustive(system, properties), 0);
}
process.stdout.write(`${JSON.stringify(result)}\n`);
