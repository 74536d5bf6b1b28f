// Which steps of the world a fair run must not neglect, for the liveness properties (src/engine/LivenessProperty.ts):
// weak fairness per honest role. A delivery to a role and its decisions that drive the flows are fair: a role that
// can go on keeps going. Not fair: the attacker's injections, faults, optional decisions (lifecycle commands,
// sessions, a firmware update), and every step of a dishonest role or of a role the scenario lets stall.
import type { ScenarioConfig } from '../flows/ScenarioConfig.ts';
import type { RoleId } from '../roleIds.ts';
import type { World } from './World.ts';
import type { WorldEvent } from './WorldEvent.ts';

/** Local decisions the flows need (5.1.3.3.4 manufacture, 5.1.3.5.2 selection, Annex x.1 switch-on, 5.1.3.7.4
 *  steps 1-2): a subscriber or supplier who can take one does so eventually. */
const flowDecisions: ReadonlySet<string> = new Set(['MANUFACTURE', 'SELECT_SHO', 'NOTIFY_SWITCH_ON', 'SWITCH_ON', 'CHANGE_OPERATOR', 'INSTRUCT_REPROVISION']);

/** Fault events (t4 tamper, t8 a hostile MCIM, t11 reset, power loss, corruption and erasure). */
const faultEvents: ReadonlySet<string> = new Set(['RESET', 'CORRUPT_MCIM', 'ERASE_MCIM', 'TAMPER_DETECTED']);

function actorOf(world: World, event: WorldEvent): { readonly role: RoleId; readonly local?: string } | undefined {
  const model = world.model;
  switch (event.kind) {
    case 'deliver':
      return { role: model.message(event.envelope).to };
    case 'local': {
      const member = model.cast[event.role]!;
      return { role: member.id, local: member.localEvents[event.index]!.type };
    }
    case 'inject':
    case 'relay':
      return undefined;
    // Relay at receipt is off where fairness is read (relayAtReceiptFits): no forward is ever judged here.
    case 'forward':
      return { role: model.message(event.relayed).to };
  }
}

const honestRole = (config: ScenarioConfig, role: RoleId): boolean => config.attacker.dishonest !== role && !config.stalling.includes(role);

/** The weak-fairness class of a step (its role), or undefined when no fairness is assumed for it (System.fairness). */
export function worldFairness(world: World, event: WorldEvent): string | undefined {
  const actor = actorOf(world, event);
  if (actor === undefined || !honestRole(world.model.config, actor.role)) return undefined;
  if (actor.local !== undefined && !flowDecisions.has(actor.local)) return undefined;
  return actor.role;
}

/** A fault event or an injection: what a recovery may not count on. */
export function isFaultOrAttack(world: World, event: WorldEvent): boolean {
  const actor = actorOf(world, event);
  return actor === undefined || (actor.local !== undefined && faultEvents.has(actor.local));
}
