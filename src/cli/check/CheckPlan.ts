// What `trecheck check` runs: jobs (a scenario with the properties to check on it) and one search choice for all.
import type { ScenarioConfig } from '../../../models/flows/ScenarioConfig.ts';
import type { WorldProperty } from '../../../properties/index.ts';

export interface CheckJob {
  readonly config: ScenarioConfig;
  /** The threat of 003 the scenario serves, when it is a threat scenario. */
  readonly threat?: number;
  readonly properties: readonly WorldProperty[];
  /** Run the honest run (pure and live) first: scenarios without attacker or faults. */
  readonly honest: boolean;
  /** Search for a goal state too (sanity: the properties do not hold because the model deadlocks). */
  readonly sanity: boolean;
  /** Known findings about the text for this scenario: property id -> the clauses that leave the gap. */
  readonly known: Readonly<Record<string, string>>;
}

export type SearchChoice =
  | { readonly mode: 'exhaustive'; readonly maxDepth?: number; readonly maxStates?: number; readonly memoryBudgetBytes?: number; readonly timeLimitMs?: number; readonly reduction?: boolean }
  | { readonly mode: 'random'; readonly runs: number; readonly maxSteps: number; readonly seed: number; readonly timeLimitMs?: number };

export interface CheckPlan {
  readonly jobs: readonly CheckJob[];
  readonly search: SearchChoice;
  /** --workers: threads searching scenarios side by side; undefined: the default (checkThreads.ts). */
  readonly workers: number | undefined;
}
