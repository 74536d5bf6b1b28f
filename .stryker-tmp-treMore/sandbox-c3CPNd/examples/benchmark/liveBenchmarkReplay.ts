// Replay cross-check for the benchmark model: re-executes a trace on a live XState actor for the
// MCIM lifecycle and a plain-object reading of the specification for the rest, independent
// of the packed encoding, and returns the same state views as describeState.
import { createActor, type Actor } from 'xstate';
import { mcimLifecycleMachine } from '../../models/mcimLifecycle.ts';

interface PlainState {
  cred: Actor<typeof mcimLifecycleMachine> | undefined;
  waiting: boolean;
  nonce: number;
  served: number;
  requested: Set<number>;
  prov: number[];
  installed: Set<number>;
  dup: boolean;
}

const view = (s: PlainState): unknown => ({
  cred: s.cred === undefined ? 'None' : String(s.cred.getSnapshot().value),
  waiting: s.waiting,
  nonce: s.nonce,
  served: s.served,
  requested: [...s.requested].sort((a, b) => a - b),
  prov: [...s.prov],
  installed: [...s.installed].sort((a, b) => a - b),
  dup: s.dup,
});

/** Views of every state reached by the labelled actions from the initial state, initial first. */
export function liveBenchmarkReplay(labels: readonly string[]): unknown[] {
  const s: PlainState = { cred: undefined, waiting: false, nonce: 0, served: 0, requested: new Set(), prov: [], installed: new Set(), dup: false };
  const views = [view(s)];
  for (const label of labels) {
    const serve = /^SERVE\((\d+)\)$/.exec(label);
    const install = /^INSTALL\((\d+)\)$/.exec(label);
    if (label === 'START') {
      s.nonce = (s.nonce + 1) % 3;
      s.waiting = true;
      s.requested.add(s.nonce);
    } else if (serve !== null) {
      s.prov.push(Number(serve[1]));
      s.served += 1;
    } else if (install !== null) {
      const k = Number(install[1]);
      s.cred?.stop();
      s.cred = createActor(mcimLifecycleMachine).start();
      s.waiting = false;
      s.dup = s.dup || s.installed.has(k);
      s.installed.add(k);
    } else {
      // A lifecycle event of 004 5.1.1.1, sent to the live actor as is.
      s.cred?.send({ type: label as 'ACTIVATE' });
    }
    views.push(view(s));
  }
  s.cred?.stop();
  return views;
}
