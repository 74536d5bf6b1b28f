// A path the search recorded under symmetry reduction runs through orbit representatives: each step is an action of
// the representative stored, whose successor was then replaced by its own representative. This maps it back to a
// path of the system itself, from the real initial state: at each step, the first enabled action of the real state
// whose successor has the representative the recorded step reached. One exists when the symmetry is one of the
// system (the real state is π of the representative, and π of the recorded action leads to π of its successor);
// none means the model's symmetry is wrong, an error, not a trace.
import type { System } from '../System.ts';
import type { ActionPath } from './pathTo.ts';

export function realPath<S, A>(system: System<S, A>, canonical: (state: S) => S, path: ActionPath): ActionPath {
  let real = system.initialStates()[path.initial];
  if (real === undefined) throw new Error(`trace starts at initial state ${path.initial}, which ${system.name} does not have`);
  let representative = canonical(real);
  const actions: number[] = [];
  for (const [step, index] of path.actions.entries()) {
    const action = system.enabled(representative)[index];
    if (action === undefined) throw new Error(`${system.name}: action ${index} is not enabled on re-execution; enabled() or step() is not deterministic`);
    representative = canonical(system.step(representative, action));
    const target = system.key(representative);
    const enabled = system.enabled(real);
    const found = enabled.findIndex((candidate) => system.key(canonical(system.step(real!, candidate))) === target);
    if (found < 0) {
      throw new Error(
        `${system.name}: step ${step + 1} of a counterexample found under symmetry reduction has no counterpart from the real state; ` +
          'the system\'s symmetry is not one of its state graph (System.symmetry)',
      );
    }
    actions.push(found);
    real = system.step(real, enabled[found]!);
  }
  return { initial: path.initial, actions };
}
