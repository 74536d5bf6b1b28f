// Alternative 3a as a system of the engine (src/engine/System.ts): the four role machines stepped with XState's
// pure transition, memoised per (local state, event) (src/xstate/MemoMachine.ts); messages in flight; the
// Dolev-Yao attacker's knowledge; the budgets of injections and faults. Flow steps: docs/alternatives.md.
import { afterDelivery, attackerKey, initialAttacker, intercept, type AttackerState } from '../../src/attacker/DolevYaoAttacker.ts';
import { knownTerms } from '../../src/attacker/knowledge.ts';
import { showTerm, type Term } from '../../src/attacker/Term.ts';
import { synthesise } from '../../src/attacker/TypedSchema.ts';
import type { System } from '../../src/engine/System.ts';
import { MemoMachine, notEnabled } from '../../src/xstate/MemoMachine.ts';
import { hasCapability, isOn, type Alt3aConfig } from './Alt3aConfig.ts';
import { roles3a, type Channel3a, type Party3a, type Receive3a, type Role3a, type Send3a } from './Message3a.ts';
import { newMnoMachine } from './newMno.ts';
import { oldMnoMachine } from './oldMno.ts';
import { attackSchemas3a } from './schemas3a.ts';
import { subscriberMachine3a } from './subscriber3a.ts';
import {
  imsiNew, imsiOld, kiAttacker, kiNew, kiOld, nameType, operatorsKey, otaIssuer, otaNew, randAttacker, randNew, randOld,
} from './terms3a.ts';
import { usimMachine } from './usim.ts';

export const ALT3A_SYSTEM_NAME = 'tr33812-alt3a';

export interface Msg3a {
  readonly channel: Channel3a;
  readonly from: Party3a;
  readonly to: Role3a;
  readonly msg: Term;
}

/** A role's local state as properties read it: the machine's state value and context (shared, do not mutate). */
export interface RoleView3a {
  readonly value: string;
  readonly context: Readonly<Record<string, unknown>>;
}

export interface Alt3aState {
  /** Local state id of each role, in `roles3a` order (ids of this system instance). */
  readonly ids: readonly number[];
  readonly views: readonly RoleView3a[];
  /** Messages sent to a role and not yet delivered, in canonical order. */
  readonly inFlight: readonly Msg3a[];
  readonly attacker: AttackerState;
  /** Messages the attacker has made lost (threat 4). */
  readonly faults: number;
}

export type Alt3aAction =
  | { readonly kind: 'local'; readonly role: Role3a; readonly event: string }
  | { readonly kind: 'deliver'; readonly message: Msg3a }
  | { readonly kind: 'inject'; readonly message: Msg3a }
  | { readonly kind: 'lose'; readonly message: Msg3a };

const MAX_FAULTS = 1;
const localEvents: Readonly<Record<Role3a, readonly string[]>> = { usim: [], oldMno: ['SERVE', 'TRANSFER', 'REFUSE'], newMno: [], subscriber: ['CHANGE'] };

const msgText = (m: Msg3a): string => `${m.channel} ${m.from}>${m.to} ${showTerm(m.msg)}`;
const roleIndex = (role: Role3a): number => roles3a.indexOf(role);
const typeOf = (id: string): string | undefined => nameType(id) || undefined;

/** What the attacker knows at the start: its own names, and an insider's keys and identities (a3a.f6 for OTA keys). */
function initialKnowledge(config: Alt3aConfig): Term[] {
  const own = [randAttacker, kiAttacker];
  switch (config.attacker.insider) {
    case 'oldMno':
      return [...own, kiOld, imsiOld, otaIssuer, randOld, operatorsKey];
    case 'newMno':
      return [...own, kiNew, imsiNew, randNew, operatorsKey, otaNew];
    case null:
      return own;
  }
}

/** A message the faults capability may lose: a step of the transfer or of an OTA change (threat 4). */
const losable = (m: Msg3a): boolean =>
  m.channel === 'operators' || ((m.msg.kind === 'senc' || m.msg.kind === 'mac') && m.msg.key.kind === 'name' && nameType(m.msg.key.id) === 'ota');

export function alt3aSystem(config: Alt3aConfig): System<Alt3aState, Alt3aAction> {
  const otaOnCard = config.assumptions.otaKeys === 'issuer' ? otaIssuer : otaNew;
  const protectedTransfer = isOn(config, 'a3a.t4.cm1');
  const memos: readonly MemoMachine<any>[] = [
    new MemoMachine(usimMachine, { input: { ki: kiOld, imsi: imsiOld, ota: otaOnCard } }),
    new MemoMachine(oldMnoMachine, { input: { protectedTransfer } }),
    new MemoMachine(newMnoMachine, {
      input: {
        otaKeyChange: isOn(config, 'a3a.t2.cm1'),
        imsiChange: isOn(config, 'a3a.t2.cm2'),
        protectedTransfer,
        otaOwn: config.assumptions.otaKeys === 'new-mno' ? otaNew : null,
        otaFresh: isOn(config, 'a3a.t4.cm3') && config.assumptions.otaKeys === 'issuer' ? otaNew : null,
      },
    }),
    new MemoMachine(subscriberMachine3a, { input: { imsi: imsiOld } }),
  ];
  const insider = config.attacker.insider;
  const hears = (channel: Channel3a, from: Party3a, to: Party3a | null): boolean =>
    to === 'attacker' ||
    (insider !== null && (from === insider || to === insider)) ||
    (channel === 'radio' && hasCapability(config, 'a3a.eavesdrop')) ||
    (channel === 'operators' && hasCapability(config, 'a3a.monitor'));

  const view = (role: number, id: number): RoleView3a => {
    const s = memos[role]!.snapshot(id) as { value: unknown; context: Record<string, unknown> };
    return { value: typeof s.value === 'string' ? s.value : JSON.stringify(s.value), context: s.context };
  };

  /** The role `role` after `event`, with what it sent; undefined when it does not take the event. */
  const stepRole = (state: Alt3aState, role: number, event: Receive3a | { type: string }): { next: Alt3aState } | undefined => {
    const memo = memos[role]!;
    const from = state.ids[role]!;
    const key = event.type === 'receive' ? `${(event as Receive3a).channel}|${(event as Receive3a).from}|${showTerm((event as Receive3a).msg)}` : event.type;
    const index = memo.eventIndex(event, key);
    const to = memo.step(from, index);
    if (to === notEnabled) return undefined;
    const ids = state.ids.slice();
    const views = state.views.slice();
    ids[role] = to;
    views[role] = view(role, to);
    let inFlight = state.inFlight;
    let attacker = state.attacker;
    const sender = roles3a[role]!;
    for (const e of memo.emitted(from, index) as readonly Send3a[]) {
      if (hears(e.channel, sender, e.to)) attacker = intercept(attacker, e.msg);
      if (e.to !== null && e.to !== 'attacker') inFlight = insert(inFlight, { channel: e.channel, from: sender, to: e.to, msg: e.msg });
    }
    return { next: { ...state, ids, views, inFlight, attacker } };
  };

  const receive = (m: Msg3a): Receive3a => ({ type: 'receive', channel: m.channel, from: m.from, msg: m.msg });

  // What the attacker can build depends on its knowledge alone: synthesised once per distinct knowledge.
  const injectable = new Map<string, Msg3a[]>();
  const injections = (state: Alt3aState): Msg3a[] => {
    if (state.attacker.injections >= config.attacker.injections) return [];
    const known = injectable.get(state.attacker.knowledge.key);
    if (known !== undefined) return known;
    const out: Msg3a[] = [];
    const seen = new Set<string>();
    for (const a of attackSchemas3a) {
      if (!hasCapability(config, a.capability)) continue;
      for (const msg of synthesise(a.schema, state.attacker.knowledge, typeOf)) {
        const m: Msg3a = { channel: 'radio', from: 'attacker', to: a.to, msg };
        const text = msgText(m);
        if (!seen.has(text)) {
          seen.add(text);
          out.push(m);
        }
      }
    }
    injectable.set(state.attacker.knowledge.key, out);
    return out;
  };

  const successors = (state: Alt3aState): [Alt3aAction, Alt3aState][] => {
    const out: [Alt3aAction, Alt3aState][] = [];
    for (const role of roles3a) {
      for (const event of localEvents[role]) {
        // Refusal is the dishonest old MNO's choice (threat 1), never the honest one's.
        if (event === 'REFUSE' && !(insider === 'oldMno' && hasCapability(config, 'a3a.refuse'))) continue;
        const r = stepRole(state, roleIndex(role), { type: event });
        if (r !== undefined) out.push([{ kind: 'local', role, event }, r.next]);
      }
    }
    state.inFlight.forEach((message, i) => {
      const rest = [...state.inFlight.slice(0, i), ...state.inFlight.slice(i + 1)];
      const r = stepRole({ ...state, inFlight: rest }, roleIndex(message.to), receive(message));
      if (r !== undefined) out.push([{ kind: 'deliver', message }, r.next]);
      if (hasCapability(config, 'a3a.faults') && state.faults < MAX_FAULTS && losable(message)) {
        out.push([{ kind: 'lose', message }, { ...state, inFlight: rest, faults: state.faults + 1 }]);
      }
    });
    for (const message of injections(state)) {
      const attacker = afterDelivery(state.attacker, { channel: message.channel, message: message.msg, injected: true });
      const r = stepRole({ ...state, attacker }, roleIndex(message.to), receive(message));
      if (r !== undefined) out.push([{ kind: 'inject', message }, r.next]);
    }
    return out;
  };

  /** The successor under one action without computing the others (replay, random search); undefined when the
   *  action is not enabled. The same cases as `successors`, which stays the reference for `enabled`. */
  const stepAction = (state: Alt3aState, action: Alt3aAction): Alt3aState | undefined => {
    const without = (m: Msg3a): readonly Msg3a[] | undefined => {
      const i = state.inFlight.findIndex((x) => msgText(x) === msgText(m));
      return i < 0 ? undefined : [...state.inFlight.slice(0, i), ...state.inFlight.slice(i + 1)];
    };
    switch (action.kind) {
      case 'local':
        if (!localEvents[action.role].includes(action.event)) return undefined;
        if (action.event === 'REFUSE' && !(insider === 'oldMno' && hasCapability(config, 'a3a.refuse'))) return undefined;
        return stepRole(state, roleIndex(action.role), { type: action.event })?.next;
      case 'deliver': {
        const rest = without(action.message);
        return rest === undefined ? undefined : stepRole({ ...state, inFlight: rest }, roleIndex(action.message.to), receive(action.message))?.next;
      }
      case 'lose': {
        const rest = without(action.message);
        if (rest === undefined || !hasCapability(config, 'a3a.faults') || state.faults >= MAX_FAULTS || !losable(action.message)) return undefined;
        return { ...state, inFlight: rest, faults: state.faults + 1 };
      }
      case 'inject': {
        const m = action.message;
        if (!injections(state).some((x) => msgText(x) === msgText(m))) return undefined;
        const attacker = afterDelivery(state.attacker, { channel: m.channel, message: m.msg, injected: true });
        return stepRole({ ...state, attacker }, roleIndex(m.to), receive(m))?.next;
      }
    }
  };

  const actionLabel = (a: Alt3aAction): string => {
    switch (a.kind) {
      case 'local':
        return `${a.role} ${a.event}`;
      case 'deliver':
        return `deliver ${msgText(a.message)}`;
      case 'inject':
        return `attacker injects ${msgText(a.message)}`;
      case 'lose':
        return `attacker loses ${msgText(a.message)}`;
    }
  };

  const initial: Alt3aState = {
    ids: memos.map((m) => m.initial()),
    views: memos.map((m, i) => view(i, m.initial())),
    inFlight: [],
    attacker: initialAttacker(initialKnowledge(config)),
    faults: 0,
  };

  return {
    name: ALT3A_SYSTEM_NAME,
    config,
    initialStates: () => [initial],
    enabled: (state) => successors(state).map(([a]) => a),
    step: (state, action) => {
      const next = stepAction(state, action);
      if (next === undefined) throw new Error(`alt3a: action "${actionLabel(action)}" is not enabled in this state; take actions from enabled()`);
      return next;
    },
    forEachSuccessor: (state, visit) => {
      for (const [a, next] of successors(state)) visit(a, next);
    },
    key: (state) =>
      [
        ...state.ids.map((id, i) => memos[i]!.key(id)),
        state.inFlight.map(msgText).join(';'),
        attackerKey(state.attacker),
        String(state.faults),
      ].join('|'),
    // Local ids are this instance's; worker threads exchange states by the machines' canonical keys.
    portable: (state) => ({ keys: state.ids.map((id, i) => memos[i]!.key(id)), inFlight: state.inFlight, attacker: state.attacker, faults: state.faults }),
    revive: (portable) => {
      const p = portable as { keys: string[]; inFlight: Msg3a[]; attacker: AttackerState; faults: number };
      const ids = p.keys.map((k, i) => memos[i]!.idOfKey(k));
      return { ids, views: ids.map((id, i) => view(i, id)), inFlight: p.inFlight, attacker: p.attacker, faults: p.faults };
    },
    actionLabel,
    describeState: (state) => ({
      roles: Object.fromEntries(roles3a.map((r, i) => [r, { state: state.views[i]!.value, context: plain(state.views[i]!.context) }])),
      inFlight: state.inFlight.map(msgText),
      attacker: { injections: state.attacker.injections, faults: state.faults, knows: knownTerms(state.attacker.knowledge).map(showTerm) },
    }),
  };
}

function insert(list: readonly Msg3a[], m: Msg3a): Msg3a[] {
  const text = msgText(m);
  if (list.some((x) => msgText(x) === text)) return [...list];
  return [...list, m].sort((a, b) => (msgText(a) < msgText(b) ? -1 : msgText(a) > msgText(b) ? 1 : 0));
}

/** A context with its terms printed, for traces and reports. */
function plain(context: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(context)) {
    if (Array.isArray(v)) out[k] = v;
    else if (v !== null && typeof v === 'object' && 'kind' in v) out[k] = showTerm(v as Term);
    else out[k] = v;
  }
  return out;
}

/** A role's view in `state` (for properties and tests). */
export function roleView(state: Alt3aState, role: Role3a): RoleView3a {
  return state.views[roleIndex(role)]!;
}
