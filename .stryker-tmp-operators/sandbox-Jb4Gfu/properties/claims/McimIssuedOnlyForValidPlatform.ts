// Safety. 004 5.1.2.4 "query the system state of the M2ME to ensure that MCIMs will be stored only in a valid M2ME.
// This process may require explicit validation of the TRE ... before the provisioning of MCIMs can proceed" [t1 cm4,
// t5 cm5]; 5.1.2.2 validation "before a MCIM can be downloaded" [t1 cm4]: an SHO issues an MCIM object only for a
// registration whose signed platform measurement is that of firmware the equipment supplier issued. Judged from the
// registrations the SHOs logged with each object they issued.
import { shoIds } from '../../models/roleIds.ts';
import { firmwareVersions, platformMeasurement } from '../../models/messages.ts';
import type { World } from '../../models/world/World.ts';
import { termEquals, type Term } from '../../src/attacker/Term.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { shoOf } from './worldReaders.ts';
import { onPart } from '../../models/world/onPart.ts';

/** Measurements of the firmware the supplier issues (v1, and v2 by its remote update); not `modified`. */
const genuine = firmwareVersions.filter((v) => v !== 'modified').map(platformMeasurement);

function measurementOf(registration: Term | null): Term | undefined {
  const body = registration?.kind === 'sign' ? registration.body : undefined;
  return body?.kind === 'tuple' && body.items.length === 6 ? body.items[5] : undefined;
}

const invalid = (world: World): string[] =>
  shoIds.flatMap((s) =>
    shoOf(world, s).issued
      .filter((x) => { const m = measurementOf(x.registration); return m === undefined || !genuine.some((g) => termEquals(g, m)); })
      .map(() => `${s} issued an MCIM for a platform the supplier never issued`),
  );

export const mcimIssuedOnlyForValidPlatform: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('McimIssuedOnlyForValidPlatform'),
  description: 'an SHO issues an MCIM only for a registration reporting a platform state the supplier issued',
  holds: onPart('roles', (world) => invalid(world).length === 0),
  explain: (world) => `expected MCIMs issued only for validated platforms, actual: ${invalid(world).join('; ')}`,
};
