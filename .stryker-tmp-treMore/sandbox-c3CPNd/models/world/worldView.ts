// The JSON view of a world, shared by the pure world and the live-actor replay so both describe a state in
// exactly the same shape: each role's state and context, and the messages in flight with their content ids.
import type { AnyMachineSnapshot } from 'xstate';
import { showTerm } from '../../src/attacker/Term.ts';
import { contentId } from '../contentId.ts';
import type { Message } from '../messages.ts';
import type { RoleId } from '../roleIds.ts';

/** Final (value, context) of one role. */
export interface RoleFinal {
  readonly value: unknown;
  readonly context: unknown;
}

/** Every role's (value, context) as plain JSON data: what the pure run and the live actors must agree on. */
export function roleFinals(roles: readonly RoleId[], snapshotOf: (id: RoleId) => AnyMachineSnapshot): Readonly<Record<string, RoleFinal>> {
  const finals: Record<string, RoleFinal> = {};
  for (const id of roles) {
    const s = snapshotOf(id);
    finals[id] = { value: s.value, context: s.context ?? null };
  }
  return JSON.parse(JSON.stringify(finals)) as Record<string, RoleFinal>;
}

/** The attacker's part of a state, as a trace shows it. */
export interface AttackerView {
  readonly injections: number;
  /** Distinct message terms read. */
  readonly read: number;
  /** Names of other roles' secrets it holds beyond its initial knowledge. */
  readonly secrets: readonly string[];
}

/** `roles` in cast order; `network` in the world's network order (sorted envelope keys). */
export function worldView(
  scenario: string, roles: readonly RoleId[], snapshotOf: (id: RoleId) => AnyMachineSnapshot, network: readonly Message[], attacker?: AttackerView,
): unknown {
  const byRole: Record<string, unknown> = {};
  for (const id of roles) {
    const s = snapshotOf(id);
    byRole[id] = { state: s.value, context: s.context ?? null };
  }
  const messages = network.map((m) => ({ from: m.from, to: m.to, kind: m.kind, term: showTerm(m.term), contentId: contentId(m.term).slice(0, 16) }));
  // Through JSON, so the view holds plain data only (no undefined fields), as a saved trace will.
  return JSON.parse(JSON.stringify({ scenario, roles: byRole, network: messages, attacker })) as unknown;
}
