// The one place that builds an XState actor scope for pure stepping (the shape xstate/graph
// builds internally), so `machine.transition(snapshot, event, scope)` skips building an actor per call.
import { createEmptyActor, type AnyActorScope, type ExecutableActionObject } from 'xstate';

/** A reusable scope plus the actions the last step asked to execute (XState does not run them here). */
export interface PureActorScope {
  readonly scope: AnyActorScope;
  /** Actions collected since the last `reset`; a step's emitted events are among them ('xstate.emit'). */
  readonly actions: ExecutableActionObject[];
  reset(): void;
}

/** Builds one inert scope; actions are recorded, never executed, and nothing reads the clock. */
export function createPureActorScope(): PureActorScope {
  const actions: ExecutableActionObject[] = [];
  const self = createEmptyActor();
  const scope: AnyActorScope = {
    self,
    id: '',
    sessionId: '',
    logger: () => {},
    defer: () => {},
    emit: () => {},
    system: self.system,
    stopChild: () => {},
    actionExecutor: (action) => void actions.push(action),
  };
  return { scope, actions, reset: () => void (actions.length = 0) };
}
