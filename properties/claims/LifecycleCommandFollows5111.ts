// Safety. 004 5.1.1.1 "Lifecycle of MCIMs" with 5.1.2.4 lifecycle management [t7 cm1]: a lifecycle command the TRE
// applies moves the MCIM it names, and no other, along a transition 5.1.1.1 allows for its event, as the scenario reads
// the text where it is silent (assumption blockFromInstalled: whether an Installed MCIM can be Blocked). Judged from the
// raw command and the instances whose lifecycle state the step changed (the registries before and after compared, the
// TRE's log) against the 5.1.1.1 table (models/mcimLifecycle.ts), not from the TRE's own check.
import { isLifecycleEvent, nextLifecycleState } from '../../models/mcimLifecycleTable.ts';
import type { ChangedInstance } from '../../models/roles/treRegistry.ts';
import { worldConfig, type World } from '../../models/world/World.ts';
import { onPart } from '../../models/world/onPart.ts';
import { showTerm } from '../../src/attacker/Term.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { commandView } from './observedTerms.ts';
import { treOf } from './worldReaders.ts';

/** 5.1.1.1 as the scenario reads it: the table's transition for `event` from `c.from` is `c.to`. */
function allowed(c: ChangedInstance, event: string | undefined, blockFromInstalled: boolean): boolean {
  if (event === undefined || !isLifecycleEvent(event)) return false;
  if (event === 'BLOCK' && c.from === 'Installed' && !blockFromInstalled) return false;
  return nextLifecycleState(c.from, event) === c.to;
}

const strays = (world: World): string[] => {
  const { blockFromInstalled } = worldConfig(world).assumptions;
  return treOf(world).commands.flatMap((cmd) => {
    const { mcim, event } = commandView(cmd.term);
    return cmd.changed.filter((c) => mcim !== `mcim:${c.owner}` || !allowed(c, event, blockFromInstalled))
      .map((c) => `${showTerm(cmd.term)} moved ${c.id} ${c.from} -> ${c.to}`);
  });
};

export const lifecycleCommandFollows5111: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('LifecycleCommandFollows5111'),
  description: 'a lifecycle command the TRE applies moves the MCIM it names, and no other, along a transition 5.1.1.1 allows for its event',
  holds: onPart('roles', (world) => strays(world).length === 0),
  explain: (world) => `expected each applied command to follow 5.1.1.1 on the MCIM it names, actual: ${strays(world).join('; ')}`,
};
