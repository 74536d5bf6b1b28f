// The claims checked on the TR 33.812 Alternative 1a world, each with the clauses or counter-measures it checks,
// and `propertyCoverage`, which `trecheck diff` reads to name the properties a text change affects.
import { underAttack, type ScenarioConfig } from '../models/flows/ScenarioConfig.ts';
import type { World } from '../models/world/World.ts';
import type { Invariant } from '../src/engine/Property.ts';
import type { PropertyCoverage } from '../src/text/PropertyCoverage.ts';
import { atMostOneMcimActive } from './AtMostOneMcimActive.ts';
import { goalNeverReached } from './claims/GoalNeverReached.ts';
import { honestRunEndsAtGoal } from './HonestRunEndsAtGoal.ts';
import { provisionedMcimNotRefused } from './claims/ProvisionedMcimNotRefused.ts';
import { threatSuite } from './threats/threatSuite.ts';
import type { WorldProperty } from './WorldProperty.ts';

export type { WorldProperty } from './WorldProperty.ts';

/** The claims of the honest flows. Not in the list: lifecycle legality of the TRE registry (e.g. "only an
 *  activated MCIM can be selected", 5.1.1.1). Every registry change goes through applyLifecycle, i.e. the
 *  lifecycle machine's own table (models/mcimLifecycleTable.ts), so it holds by construction and a check of it
 *  could not fail. */
export const flowProperties: readonly WorldProperty[] = [
  { property: atMostOneMcimActive, checks: ['004 5.1.3.7.2', '004 5.1.1.1'] },
  { property: honestRunEndsAtGoal, checks: ['004 5.1.3.6.2 steps 13-14', '004 5.1.3.7.4.2 steps 8-14', '004 5.1.3.7.4.3'] },
  { property: provisionedMcimNotRefused, checks: ['004 5.1.2.2', '004 5.1.3.7.2', '004 5.1.3.6.2 step 13', '004 5.1.3.7.4.2 steps 7-12'] },
];

/** Every claim once: the flows' and the threats' (a claim several threats check lists the union of their checks). */
export const worldProperties: readonly WorldProperty[] = (() => {
  const byId = new Map<string, WorldProperty>();
  for (const p of [...flowProperties, ...threatSuite.flatMap((t) => t.properties)]) {
    const known = byId.get(p.property.id);
    byId.set(p.property.id, { property: p.property, checks: [...new Set([...(known?.checks ?? []), ...p.checks])] });
  }
  return [...byId.values()];
})();

/** The claims that apply to a scenario: all of them, except that HonestRunEndsAtGoal is judged only where the goal is
 *  the scenario's: under an attacker or faults a run that stops short of it is their doing, and where the SHOs may
 *  send lifecycle commands (`shoCommands`) an owner's own BLOCK or DELETE legitimately takes its MCIM out of service:
 *  there the properties of service (ServiceRecoverable, ServiceEventually) are not judged either; the claims about
 *  several TREs are judged only where there are several devices. */
export function propertiesFor(config: ScenarioConfig): readonly WorldProperty[] {
  const goalJudged = !underAttack(config) && config.shoCommands.length === 0;
  const serviceOwed = config.shoCommands.length === 0;
  return judgedIn(config, worldProperties).filter((p) =>
    (goalJudged || p.property.id !== honestRunEndsAtGoal.id) && (serviceOwed || !serviceProperties.has(p.property.id)));
}

/** Of `properties` (a threat's, or all), those judged in `config`: the claims over several TREs only where it has
 *  several devices. Every runner of a threat's scenarios filters its list through this. */
export function judgedIn(config: ScenarioConfig, properties: readonly WorldProperty[]): readonly WorldProperty[] {
  return config.devices > 1 ? properties : properties.filter((p) => !severalDeviceProperties.has(p.property.id));
}

/** Claims about several TREs, judged where a scenario has more than one honest device (with one they would compare
 *  the TRE with itself only, and keep the verdicts of one-device scenarios as they were). */
const severalDeviceProperties = new Set<string>(['McimInstalledOnlyInItsTre', 'NoMcimCredentialInTwoTres']);

/** Claims that the device has or regains service, which an owner's own lifecycle command may rightly end. */
const serviceProperties = new Set<string>(['ServiceRecoverable', 'ServiceEventually']);

/** The sanity (non-vacuity) check of every threat scenario: a run reaching the honest goal exists. */
export const sanityProperty: Invariant<World> = goalNeverReached;

/** Properties with the catalogue counter-measures they check (ids such as `t5.cm3`), for `trecheck diff --check`. */
export const propertyCoverage: readonly PropertyCoverage[] = worldProperties
  .map((p) => ({ id: p.property.id as string, counterMeasures: p.checks.filter((c) => /^t\d+\.cm\d+$/.test(c)) }))
  .filter((c) => c.counterMeasures.length > 0);
