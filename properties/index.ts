// The claims checked on the TR 33.812 Alternative 1a world, each with the clauses or counter-measures it checks,
// and `propertyCoverage`, which `trecheck diff` reads to name the properties a text change affects.
import type { World } from '../models/world/World.ts';
import type { Invariant } from '../src/engine/Property.ts';
import type { PropertyCoverage } from '../src/text/PropertyCoverage.ts';
import { atMostOneMcimActive } from './AtMostOneMcimActive.ts';
import { honestRunEndsAtGoal } from './HonestRunEndsAtGoal.ts';

export interface WorldProperty {
  readonly property: Invariant<World>;
  /** TR clauses ("004 5.1.3.7.2") and catalogue counter-measure ids ("t5.cm3") the property checks. */
  readonly checks: readonly string[];
}

/** Not in the list: lifecycle legality of the TRE registry (e.g. "only an activated MCIM can be selected",
 *  5.1.1.1). Every registry change goes through applyLifecycle, i.e. the lifecycle machine's own table
 *  (models/mcimLifecycleTable.ts), so it holds by construction and a check of it could not fail. */
export const worldProperties: readonly WorldProperty[] = [
  { property: atMostOneMcimActive, checks: ['004 5.1.3.7.2', '004 5.1.1.1'] },
  { property: honestRunEndsAtGoal, checks: ['004 5.1.3.6.2 steps 13-14', '004 5.1.3.7.4.2 steps 8-14', '004 5.1.3.7.4.3'] },
];

/** Properties with the catalogue counter-measures they check, one entry per property that has a `[tx cmy]`
 *  link in the text. None yet: the clauses behind the two properties above (5.1.3.7.2, 5.1.3.6.2, 5.1.3.7.4)
 *  carry no `[tx cmy]` reference, so they are left out rather than given invented links. */
export const propertyCoverage: readonly PropertyCoverage[] = [];
