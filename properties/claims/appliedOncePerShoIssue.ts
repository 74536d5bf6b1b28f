// Injective agreement (Lowe) between what the TRE applied and what the SHOs signed and logged as they sent it: each
// applied term was issued by an SHO and is applied at most as often as it was issued (a replay is not applied again).
// A dishonest SHO issues what it likes without logging it: terms under its own key (read from the signature
// carried) are its issues, judged by the other claims. Shared by the lifecycle commands and the MCIM updates.
import type { ShoContext } from '../../models/roles/sho.ts';
import { worldConfig, type World } from '../../models/world/World.ts';
import { onPart } from '../../models/world/onPart.ts';
import { showTerm, type Term } from '../../src/attacker/Term.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { appliedMoreThanIssued, shoSigner } from './observedTerms.ts';
import { shoOf, shosOf } from './worldReaders.ts';

export interface AppliedOncePerShoIssue {
  readonly id: string;
  /** What is applied, in the plural ("lifecycle command", "MCIM update"), for the description. */
  readonly noun: string;
  /** The raw terms the TRE applied, from its log. */
  readonly applied: (world: World) => readonly Term[];
  /** The raw terms an SHO signed and sent, from its log. */
  readonly issued: (sho: ShoContext) => readonly Term[];
}

export function appliedOncePerShoIssue(spec: AppliedOncePerShoIssue): Invariant<World> {
  const excess = (world: World): string[] => {
    const insider = worldConfig(world).attacker.dishonest;
    const applied = spec.applied(world).filter((t) => shoSigner(t) !== insider);
    return appliedMoreThanIssued(applied, shosOf(world).flatMap((s) => spec.issued(shoOf(world, s)))).map(showTerm);
  };
  return {
    kind: 'invariant',
    id: propertyId(spec.id),
    description: `each ${spec.noun} the TRE applies was issued by an SHO, and is applied at most once per issue`,
    holds: onPart('roles', (world) => excess(world).length === 0),
    explain: (world) => `expected each applied ${spec.noun} to match one issue, actual: applied more often than issued: ${excess(world).join(', ')}`,
  };
}
