// Stage 2 of `trecheck check`: one job. The honest run by the pure step function and by live actors (when the
// scenario has one), then one search of the scenario's world with its properties and the sanity goal, then each
// counterexample re-executed on a fresh system and on live actors before it is reported.
import { isDeepStrictEqual } from 'node:util';
import { runHonest } from '../../../models/flows/runHonest.ts';
import { runLive } from '../../../models/world/runLive.ts';
import { scenarioScope } from '../../../models/attacker/scenarioScope.ts';
import { secretDerivations } from '../../../models/world/secretDerivations.ts';
import { worldOfTrace, worldSystemFor, worldSystemOfTrace } from '../../../models/world/worldSystem.ts';
import type { World } from '../../../models/world/World.ts';
import { sanityProperty } from '../../../properties/index.ts';
import type { AnyProperty } from '../../engine/LivenessProperty.ts';
import { searchLiveness } from '../../engine/liveness/searchLiveness.ts';
import { searchRandom } from '../../engine/random/searchRandom.ts';
import { searchProperties, splitProperties, type PropertiesOutcome } from '../../engine/searchProperties.ts';
import { adaptiveTwoThreads } from '../../engine/pipeline/adaptiveTwoThreads.ts';
import type { ExhaustiveProgress } from '../../engine/exhaustive/ExhaustiveOptions.ts';
import type { WorldEvent } from '../../../models/world/WorldEvent.ts';
import { replayTrace } from '../../engine/replay/replayTrace.ts';
import type { SearchOutcome, Verdict } from '../../engine/Verdict.ts';
import type { CheckJob, SearchChoice } from './CheckPlan.ts';
import type { HonestCheck, PropertyCheck, SanityCheck, ScenarioCheck } from './ScenarioCheck.ts';

function honestCheck(job: CheckJob): HonestCheck {
  const pure = runHonest(job.config);
  const live = runLive(job.config);
  return { pure: pure.outcome, live: live.outcome, agree: isDeepStrictEqual(live.finals, pure.finals) && pure.outcome.goalReached === live.outcome.goalReached };
}

/** The properties a job's search checks: the scenario's, then the sanity goal when the job has one. */
export function searchedProperties(job: CheckJob): AnyProperty<World, WorldEvent>[] {
  return [...job.properties.map((p) => p.property), ...(job.sanity ? [sanityProperty] : [])];
}

function search(job: CheckJob, choice: SearchChoice, options: CheckJobOptions): PropertiesOutcome {
  const properties = searchedProperties(job);
  // Relay at receipt where it fits the properties (not for properties of service): one system kind for the job.
  if (choice.mode === 'exhaustive') {
    return searchProperties(() => worldSystemFor(job.config, properties), properties, {
      ...choice,
      ...(options.twoThreads === true ? { twoThreads: adaptiveTwoThreads() } : {}),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
  }
  // Workers are not worth their start-up on these worlds; one thread keeps results independent of scheduling.
  const { safety, liveness } = splitProperties(properties);
  const random: SearchOutcome = searchRandom(worldSystemFor(job.config, properties), safety, { runs: choice.runs, maxSteps: choice.maxSteps, seed: choice.seed, timeLimitMs: choice.timeLimitMs });
  if (liveness.length === 0) return random;
  // Random runs cannot show a property of service: those are decided on the state graph, within the time limit.
  const graph = searchLiveness(worldSystemFor(job.config, properties), liveness, choice.timeLimitMs === undefined ? {} : { timeLimitMs: choice.timeLimitMs });
  const all = [...random.verdicts, ...graph.verdicts];
  return { verdicts: properties.map((p) => all.find((v) => v.property === p.id)!), stats: random.stats, liveness: graph.stats };
}

function sanityOf(verdict: Verdict | undefined): SanityCheck | undefined {
  if (verdict === undefined) return undefined;
  switch (verdict.kind) {
    case 'violated':
      return { kind: 'reachable', steps: verdict.trace.actions.length };
    case 'holds-exhaustively':
      return verdict.complete ? { kind: 'unreachable' } : { kind: 'inconclusive' };
    case 'no-violation-found':
      return { kind: 'not-found', runs: verdict.runs };
    case 'inconclusive':
      return { kind: 'inconclusive' };
  }
}

export interface CheckJobOptions {
  /** Re-execute each counterexample (default: true). False (check --bail) leaves out the re-execution of
   *  counterexamples and the attacker's derivations: they explain a verdict, they never change it or the exit code. */
  readonly recheck?: boolean;
  /** The search may go on on a second core where one has been idle (ExhaustiveOptions.twoThreads): `check` without
   *  --workers, so a long scenario left alone at the end of the run uses the core the others left. Default: false. */
  readonly twoThreads?: boolean;
  /** Told at each level's end of the exhaustive search (the CLI's progress line). */
  readonly onProgress?: (progress: ExhaustiveProgress) => void;
}

export function runCheckJob(job: CheckJob, choice: SearchChoice, options: CheckJobOptions = {}): ScenarioCheck {
  const honest = job.honest ? honestCheck(job) : undefined;
  const outcome = search(job, choice, options);
  const properties = job.properties.map((entry): PropertyCheck => {
    const id = entry.property.id as string;
    const verdict = outcome.verdicts.find((v) => v.property === id)!.verdict;
    const base = { property: id, description: entry.property.description, checks: entry.checks, verdict, ...(job.known[id] === undefined ? {} : { known: job.known[id] }) };
    if (verdict.kind !== 'violated' || options.recheck === false) return base;
    // Re-check before reporting: the trace must reproduce on a fresh system, and live actors must agree.
    const replay = replayTrace(worldSystemOfTrace(verdict.trace), entry.property, verdict.trace);
    const r = replay.result;
    // A secrecy claim (its id names a secret): how the attacker derived what it holds at the end.
    const derivations = /Secret/.test(id) ? secretDerivations(job.config, verdict.trace.actions, worldOfTrace(verdict.trace).options) : [];
    return {
      ...base,
      ...(derivations.length === 0 ? {} : { derivations }),
      recheck: {
        result: r.kind,
        explanation: r.kind === 'reproduced' || r.kind === 'violated-earlier' ? r.explanation : undefined,
        liveAgrees: replay.live === 'absent' ? undefined : replay.live.mismatch === undefined,
      },
    };
  });
  const sanity = sanityOf(outcome.verdicts.find((v) => v.property === sanityProperty.id)?.verdict);
  return {
    config: job.config,
    scope: scenarioScope(job.config),
    ...(job.threat === undefined ? {} : { threat: job.threat }),
    ...(honest === undefined ? {} : { honest }),
    method: choice.mode,
    ...(choice.mode === 'random' ? { random: { runs: choice.runs, maxSteps: choice.maxSteps, seed: choice.seed } } : {}),
    search: outcome.stats,
    ...(outcome.liveness === undefined ? {} : { liveness: outcome.liveness }),
    properties,
    ...(sanity === undefined ? {} : { sanity }),
  };
}
