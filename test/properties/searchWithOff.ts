// One property of the suite searched exhaustively in a scenario with some counter-measures switched off.
import { resolveScenario, type ScenarioInput } from '../../models/flows/ScenarioConfig.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';
import { worldProperties } from '../../properties/index.ts';
import { searchProperties } from '../../src/engine/searchProperties.ts';

export function searchWithOff(input: ScenarioInput, off: readonly string[], property: string) {
  const r = resolveScenario({ ...input, off });
  if (!r.ok) throw new Error(r.error.message);
  const entry = worldProperties.find((p) => p.property.id === property)!;
  const outcome = searchProperties(() => worldSystem(r.config), [entry.property]);
  return { config: r.config, entry, verdict: outcome.verdicts[0]!.verdict };
}
