// Needham-Schroeder public-key protocol (Needham and Schroeder 1978, as analysed by Lowe 1996) on the
// engine: honest initiator A, honest responder B, and a dishonest agent I whose private key the
// Dolev-Yao attacker holds. One run per honest role; the attacker is the network.
//   1. A -> Y : {Na, A}pk(Y)        2. Y -> A : {Na, Nb}pk(A)  (Lowe: {Na, Nb, Y}pk(A))     3. A -> Y : {Nb}pk(Y)
import {
  afterDelivery,
  attackerKey,
  deliveries,
  initialAttacker,
  intercept,
  type AttackerState,
  type Delivery,
} from '../../src/attacker/DolevYaoAttacker.ts';
import { knownTerms } from '../../src/attacker/knowledge.ts';
import type { MessagePattern } from '../../src/attacker/MessagePattern.ts';
import { aenc, name, pk, showTerm, tuple, type Term } from '../../src/attacker/Term.ts';
import type { System } from '../../src/engine/System.ts';
import type { NspkConfig } from './nspkConfig.ts';

export type Agent = 'A' | 'B' | 'I';

export interface NspkState {
  /** Initiator A: whom it started a run with, and the nonce it accepted in message 2. */
  readonly a: { readonly phase: 'idle' | 'waiting' | 'done'; readonly peer: Agent | null; readonly nb: string | null };
  /** Responder B: whom it believes it talks to, and the nonce it received in message 1. */
  readonly b: { readonly phase: 'idle' | 'responded' | 'committed'; readonly peer: Agent | null; readonly na: string | null };
  /** Messages sent, in send order, each with the channel it went on (the attacker hears them all). */
  readonly sent: readonly { readonly channel: string; readonly message: Term }[];
  readonly attacker: AttackerState;
}

export type NspkAction =
  | { readonly kind: 'start'; readonly peer: Agent }
  | { readonly kind: 'deliver'; readonly step: 1 | 2 | 3; readonly delivery: Delivery };

const agentName = (x: Agent): Term => name(x);
const secretKey = (x: Agent): Term => name(`sk${x}`);
const publicKey = (x: Agent): Term => pk(secretKey(x));
const nonceA = name('Na');
export const nonceB = name('Nb');
const nonceI = name('Ni');
const channelTo = (x: Agent): string => `to:${x}`;
const nonces = [nonceA, nonceB, nonceI];
const peersOfB: readonly Agent[] = ['A', 'I'];

export function nspkSystem(config: NspkConfig): System<NspkState, NspkAction> {
  const budget = { maxInjections: config.maxInjections };
  const lowe = config.fix === 'lowe';

  const send = (state: NspkState, to: Agent, message: Term): Pick<NspkState, 'sent' | 'attacker'> => ({
    sent: [...state.sent, { channel: channelTo(to), message }],
    attacker: intercept(state.attacker, message),
  });
  const sentOn = (state: NspkState, channel: string): Term[] =>
    state.sent.filter((m) => m.channel === channel).map((m) => m.message);
  const message2 = (na: Term, responder: Agent): Term =>
    lowe ? tuple(na, nonceB, agentName(responder)) : tuple(na, nonceB);

  const patterns = (state: NspkState): { step: 1 | 2 | 3; to: Agent; pattern: MessagePattern }[] => {
    const out: { step: 1 | 2 | 3; to: Agent; pattern: MessagePattern }[] = [];
    if (state.b.phase === 'idle') {
      // B accepts message 1 from anyone but itself, with any nonce.
      const template = aenc(publicKey('B'), tuple(name('?n'), name('?x')));
      out.push({ step: 1, to: 'B', pattern: { template, vars: { '?n': nonces, '?x': peersOfB.map(agentName) } } });
    }
    if (state.a.phase === 'waiting' && state.a.peer !== null) {
      // A checks its own nonce (and, fixed, the responder's name) and accepts any second nonce.
      const body = lowe ? tuple(nonceA, name('?n'), agentName(state.a.peer)) : tuple(nonceA, name('?n'));
      out.push({ step: 2, to: 'A', pattern: { template: aenc(publicKey('A'), body), vars: { '?n': nonces } } });
    }
    if (state.b.phase === 'responded') {
      out.push({ step: 3, to: 'B', pattern: { template: aenc(publicKey('B'), nonceB), vars: {} } });
    }
    return out;
  };

  return {
    name: lowe ? 'needham-schroeder-lowe' : 'needham-schroeder',
    config,
    initialStates: () => [
      {
        a: { phase: 'idle', peer: null, nb: null },
        b: { phase: 'idle', peer: null, na: null },
        sent: [],
        // The attacker knows every name and public key, and the private key and nonce of dishonest I.
        attacker: initialAttacker([
          ...(['A', 'B', 'I'] as const).flatMap((x) => [agentName(x), publicKey(x)]),
          secretKey('I'),
          nonceI,
        ]),
      },
    ],
    enabled: (state) => {
      const actions: NspkAction[] = [];
      if (state.a.phase === 'idle') {
        for (const peer of ['B', 'I'] as const) actions.push({ kind: 'start', peer });
      }
      for (const { step, to, pattern } of patterns(state)) {
        for (const delivery of deliveries(state.attacker, budget, channelTo(to), pattern, sentOn(state, channelTo(to)))) {
          actions.push({ kind: 'deliver', step, delivery });
        }
      }
      return actions;
    },
    step: (state, action) => {
      if (action.kind === 'start') {
        // Message 1: A -> Y : {Na, A}pk(Y)
        const a = { phase: 'waiting', peer: action.peer, nb: null } as const;
        return { ...state, a, ...send(state, action.peer, aenc(publicKey(action.peer), tuple(nonceA, agentName('A')))) };
      }
      const attacker = afterDelivery(state.attacker, action.delivery);
      const body = action.delivery.message.kind === 'aenc' ? action.delivery.message.body : action.delivery.message;
      const after = { ...state, attacker };
      switch (action.step) {
        case 1: {
          // B reads {n, X}pk(B) and answers message 2 to X.
          const [n, x] = body.kind === 'tuple' ? body.items : [];
          const peer = (x?.kind === 'name' ? x.id : 'I') as Agent;
          const b = { phase: 'responded', peer, na: showTerm(n!) } as const;
          return { ...after, b, ...send(after, peer, aenc(publicKey(peer), message2(n!, 'B'))) };
        }
        case 2: {
          // A reads {Na, n(, Y)}pk(A) and confirms n in message 3 to its peer.
          const n = body.kind === 'tuple' ? body.items[1]! : body;
          const peer = state.a.peer ?? 'I';
          const a = { ...state.a, phase: 'done', nb: showTerm(n) } as const;
          return { ...after, a, ...send(after, peer, aenc(publicKey(peer), n)) };
        }
        case 3:
          // B reads {Nb}pk(B) and commits to a session with its peer.
          return { ...after, b: { ...state.b, phase: 'committed' } };
      }
    },
    key: (state) =>
      [
        `${state.a.phase},${state.a.peer},${state.a.nb}`,
        `${state.b.phase},${state.b.peer},${state.b.na}`,
        state.sent.map((m) => `${m.channel} ${showTerm(m.message)}`).join(';'),
        attackerKey(state.attacker),
      ].join('|'),
    actionLabel: (action) =>
      action.kind === 'start'
        ? `A starts with ${action.peer}`
        : `${action.delivery.injected ? 'inject' : 'deliver'} ${action.delivery.channel} ${showTerm(action.delivery.message)}`,
    describeState: (state) => ({
      A: { ...state.a },
      B: { ...state.b },
      sent: state.sent.map((m) => `${m.channel} ${showTerm(m.message)}`),
      attacker: { injections: state.attacker.injections, knows: knownTerms(state.attacker.knowledge).map(showTerm) },
    }),
  };
}
