// How the model accounts for each counter-measure of Alternative 3a (003 7.1.2.3.1.3): a switch of the 3a system
// (models/alt3a/Alt3aConfig.ts), or the catalogue's reason why no protocol model can check it (contracts, law).
import { alternative3aCounterMeasures } from '../catalogue/alternative3a.ts';
import { switches3a, type Switch3a } from '../../models/alt3a/Alt3aConfig.ts';
import type { Coverage } from '../catalogue/coverage.ts';

export type Coverage3a = Exclude<Coverage, { kind: 'switch' }> | { readonly kind: 'switch'; readonly switch: Switch3a };

export const ids3a = Object.keys(alternative3aCounterMeasures) as (keyof typeof alternative3aCounterMeasures)[];

/** How counter-measure `id` of Alternative 3a is accounted for; undefined for an unknown id. */
export function coverageOf3a(id: string): Coverage3a | undefined {
  const entry = (alternative3aCounterMeasures as Readonly<Record<string, readonly [number, unknown]>>)[id];
  if (entry === undefined) return undefined;
  if (Object.hasOwn(switches3a, id)) return { kind: 'switch', switch: id as Switch3a };
  const data = entry[1];
  if (typeof data === 'object' && data !== null && 'notModelable' in data) return { kind: 'not-modelable', reason: String((data as { notModelable: string }).notModelable) };
  return undefined;
}
