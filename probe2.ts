import { resolveScenario } from './models/flows/ScenarioConfig.ts';
import { worldSystem } from './models/world/worldSystem.ts';
import { searchExhaustive } from './src/engine/exhaustive/searchExhaustive.ts';
import { threatSuite } from './properties/threats/threatSuite.ts';
const [threat, prop, ...off] = process.argv.slice(2);
const t = threatSuite.find((x) => String(x.threat) === threat)!;
const r = resolveScenario({ ...t.scenarios[0], off });
if (!r.ok) throw new Error(r.error.message);
const p = t.properties.find((x) => x.property.id === prop)!.property;
const o = searchExhaustive(worldSystem(r.config), [p]);
const v = o.verdicts[0]!.verdict;
if (v.kind === 'violated') { console.log(v.trace.actions.join('\n')); console.log(JSON.stringify((v.trace.states.at(-1) as any).network.filter((m:any)=>m.to==="tre"||m.from==="tre"))); }
else console.log(v.kind, o.stats.states);
