import { resolveScenario } from './models/flows/ScenarioConfig.ts';
import { worldSystem } from './models/world/worldSystem.ts';
import { searchExhaustive } from './src/engine/exhaustive/searchExhaustive.ts';
import { threatSuite } from './properties/threats/threatSuite.ts';
import { switchIds } from './models/counterMeasures/switches.ts';
import { goalNeverReached } from './properties/claims/GoalNeverReached.ts';
const only = process.argv[2];
const offs = process.argv[3] === 'all' ? [[], ...switchIds.map((s) => [s])] : [[]];
for (const t of threatSuite) {
  if (only && only !== String(t.threat)) continue;
  for (const input of t.scenarios) {
    for (const off of offs) {
      const r = resolveScenario({ ...input, off });
      if (!r.ok) { console.log(r.error.message); continue; }
      const t0 = performance.now();
      const o = searchExhaustive(worldSystem(r.config), [...t.properties.map((p) => p.property), goalNeverReached], { maxStates: 2_000_000, timeLimitMs: 60000 });
      const v = o.verdicts.map((x) => `${x.property}:${x.verdict.kind === 'violated' ? 'VIOL' + x.verdict.trace.actions.length : x.verdict.kind === 'holds-exhaustively' ? 'ok' : x.verdict.kind}`).join(' ');
      console.log(`t${t.threat} ${input.name} off=[${off}] states=${o.stats.states} ${(performance.now() - t0).toFixed(0)}ms ${v}`);
    }
  }
}
