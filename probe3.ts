import { resolveScenario } from './models/flows/ScenarioConfig.ts';
import { worldSystem } from './models/world/worldSystem.ts';
import { searchExhaustive } from './src/engine/exhaustive/searchExhaustive.ts';
import { threatSuite } from './properties/threats/threatSuite.ts';
const [scenario, ...off] = process.argv.slice(2);
for (const t of threatSuite) for (const input of t.scenarios) {
  if (input.name !== scenario) continue;
  const r = resolveScenario({ ...input, off });
  if (!r.ok) throw new Error(r.error.message);
  const t0 = performance.now();
  const o = searchExhaustive(worldSystem(r.config), t.properties.map((p) => p.property), { maxStates: 3_000_000 });
  for (const { property, verdict: v } of o.verdicts) {
    console.log(property, v.kind, o.stats.states, (performance.now() - t0).toFixed(0));
    if (v.kind === 'violated') console.log('   ' + v.trace.actions.join('\n   '));
  }
}
