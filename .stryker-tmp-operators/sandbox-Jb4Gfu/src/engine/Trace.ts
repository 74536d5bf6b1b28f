// A counterexample as data: enough to rebuild the system and re-execute it step by step.

export const traceFormat = 'trecheck-trace/1';

export interface Trace {
  readonly format: typeof traceFormat;
  /** Name of the system (a registered scenario or example) the trace runs on. */
  readonly system: string;
  /** The system's model version when it has one (System.modelVersion). */
  readonly model?: string;
  /** The resolved configuration the system was built with. */
  readonly config: unknown;
  /** Id of the violated property. */
  readonly property: string;
  /** Which search found it. */
  readonly method: 'exhaustive' | 'random';
  /** Random search: seed and fast-check path that reproduce the run. */
  readonly seed?: number;
  readonly path?: string;
  /** Index of the initial state in `system.initialStates()`. */
  readonly initial: number;
  /** Action labels, in order; replay matches each against the enabled actions. */
  readonly actions: readonly string[];
  /** `describeState` of every state: states[0] is initial, states[i+1] follows actions[i]. */
  readonly states: readonly unknown[];
  /** Liveness counterexamples only (LivenessProperty.ts, kind 'infinitely-often'): the run is a lasso that returns
   *  forever to states[loop]. loop < actions.length: actions[loop..] form a cycle, and the last state equals
   *  states[loop]; loop === actions.length: the run stays in its last state (no fair step is enabled there). */
  readonly loop?: number;
}
