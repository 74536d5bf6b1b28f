// What `trecheck check` found for one scenario: the honest run (when it has one), the search, each property's
// verdict with its re-checked counterexample, and the sanity result.
import type { FlowOutcome } from '../../../models/flows/flowOutcome.ts';
import type { ScenarioScope } from '../../../models/attacker/scenarioScope.ts';
import type { ScenarioConfig } from '../../../models/flows/ScenarioConfig.ts';
import type { ExplorationStats } from '../../engine/Verdict.ts';
import type { CheckPropertyInput } from '../../report/fromCheck.ts';

/** One property's verdict, as the report model reads it. */
export type PropertyCheck = CheckPropertyInput;

export interface HonestCheck {
  readonly pure: FlowOutcome;
  readonly live: FlowOutcome;
  /** Pure and live runs end in equal role states (value and context of every role). */
  readonly agree: boolean;
}

/** Sanity: whether a state reaching the honest goal was found, and how. */
export type SanityCheck =
  | { readonly kind: 'reachable'; readonly steps: number }
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'not-found'; readonly runs: number }
  | { readonly kind: 'inconclusive' };

export interface ScenarioCheck {
  readonly config: ScenarioConfig;
  /** What every verdict of the scenario holds within (models/attacker/scenarioScope.ts). */
  readonly scope: ScenarioScope;
  readonly threat?: number;
  readonly honest?: HonestCheck;
  /** The search: exhaustive or random, with what it explored (random: the runs asked for, their length, the seed). */
  readonly method: 'exhaustive' | 'random';
  readonly random?: { readonly runs: number; readonly maxSteps: number; readonly seed: number };
  readonly search: ExplorationStats;
  /** The state graph built for the properties of service (liveness), when the scenario has one. */
  readonly liveness?: ExplorationStats;
  readonly properties: readonly PropertyCheck[];
  readonly sanity?: SanityCheck;
}

export function honestRunPassed(c: ScenarioCheck): boolean {
  return c.honest === undefined || (c.honest.pure.goalReached && c.honest.live.goalReached && c.honest.agree);
}
