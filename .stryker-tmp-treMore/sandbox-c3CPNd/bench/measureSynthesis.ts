// What typed Dolev-Yao synthesis costs in the threat suite: per scenario, the states of an exhaustive search
// (no properties), the attacker's knowledge entries (one per distinct set of observed messages), the candidates
// synthesised per entry (mean, max) and the time spent synthesising. Run: npx tsx bench/measureSynthesis.ts
import { allThreatScenarioConfigs } from '../properties/threats/threatSuite.ts';
import { worldSystem } from '../models/world/worldSystem.ts';
import type { World } from '../models/world/World.ts';
import { searchExhaustive } from '../src/engine/exhaustive/searchExhaustive.ts';

const rows: string[] = ['| scenario | states | knowledge entries | candidates per entry (mean / max) | synthesis ms (total) | search ms |', '|---|---:|---:|---:|---:|---:|'];
for (const config of allThreatScenarioConfigs()) {
  const system = worldSystem(config);
  const started = performance.now();
  const outcome = searchExhaustive(system, []);
  const millis = performance.now() - started;
  const tables = (system.initialStates()[0] as World).model.attackerTables;
  const s = tables.stats;
  const mean = s.entries === 0 ? 0 : s.candidates / s.entries;
  rows.push(`| ${config.name} | ${outcome.stats.states.toLocaleString('en')} | ${s.entries} | ${mean.toFixed(0)} / ${s.maxCandidates} | ${s.milliseconds.toFixed(0)} | ${millis.toFixed(0)} |`);
}
console.log(rows.join('\n'));
