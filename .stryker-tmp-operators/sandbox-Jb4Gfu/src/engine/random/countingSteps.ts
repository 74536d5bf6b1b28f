// A view of a system that counts the successors it computes: how the random search measures the steps its
// shrinking passes take without threading a counter through each of them.
import type { System } from '../System.ts';

/** Adds one to `counter.steps` for every `step` call and every successor `forEachSuccessor` visits. */
export function countingSteps<S, A>(system: System<S, A>, counter: { steps: number }): System<S, A> {
  const fast = system.forEachSuccessor;
  return {
    name: system.name,
    config: system.config,
    ...(system.modelVersion === undefined ? {} : { modelVersion: system.modelVersion }),
    initialStates: () => system.initialStates(),
    enabled: (state) => system.enabled(state),
    step: (state, action) => {
      counter.steps++;
      return system.step(state, action);
    },
    ...(fast === undefined
      ? {}
      : {
          forEachSuccessor: (state: S, visit: (action: A, next: S) => void) =>
            fast.call(system, state, (action, next) => {
              counter.steps++;
              visit(action, next);
            }),
        }),
    key: (state) => system.key(state),
    actionLabel: (action) => system.actionLabel(action),
    describeState: (state) => system.describeState(state),
  };
}
