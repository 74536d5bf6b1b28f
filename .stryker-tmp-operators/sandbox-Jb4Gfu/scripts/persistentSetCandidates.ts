// `npx tsx scripts/persistentSetCandidates.ts`: for every built-in scenario, how many reachable worlds have several
// enabled events of which some role's are all local events while its XState state nodes accept no message kind:
// the necessary condition for that role's steps to be a persistent set (docs/engine.md, "The TR world has no ample
// sets"). Prints one line per scenario and the total of states.
import { presets } from '../models/flows/presets.ts';
import type { ScenarioConfig } from '../models/flows/ScenarioConfig.ts';
import { messageKinds } from '../models/messages.ts';
import { enabledEvents, forEachSuccessor, initialWorld, roleSnapshot, worldKey, worldRoles, type World } from '../models/world/World.ts';
import { allThreatScenarioConfigs } from '../properties/threats/threatSuite.ts';

const threatScenarios = allThreatScenarioConfigs();

function reachable(config: ScenarioConfig): World[] {
  const initial = initialWorld(config);
  const seen = new Map<number | string, World>([[worldKey(initial), initial]]);
  let frontier = [initial];
  while (frontier.length > 0) {
    const next: World[] = [];
    for (const w of frontier) {
      forEachSuccessor(w, (_, n) => {
        if (!seen.has(worldKey(n))) {
          seen.set(worldKey(n), n);
          next.push(n);
        }
      });
    }
    frontier = next;
  }
  return [...seen.values()];
}

const kinds = new Set<string>(messageKinds);
/** Event types the active state nodes of a snapshot handle (XState's `_nodes`, `ownEvents`; '*' matches any). */
const accepted = (snapshot: unknown): string[] => (snapshot as { _nodes: { ownEvents: string[] }[] })._nodes.flatMap((n) => n.ownEvents);

let total = 0;
for (const config of [...presets, ...threatScenarios]) {
  const worlds = reachable(config);
  total += worlds.length;
  const byRole = new Map<string, number>();
  for (const w of worlds) {
    const events = enabledEvents(w);
    if (events.length < 2) continue;
    const role = worldRoles(w).find((id) => {
      if (accepted(roleSnapshot(w, id)).some((e) => kinds.has(e) || e === '*')) return false;
      const own = events.filter((e) => e.kind === 'local' && e.role === w.model.roleIndex(id)).length;
      return own > 0 && own < events.length;
    });
    if (role !== undefined) byRole.set(role, (byRole.get(role) ?? 0) + 1);
  }
  const counts = [...byRole].map(([role, n]) => `${role} ${n}`).join(', ');
  process.stdout.write(`${config.name}: ${worlds.length} states; candidates: ${counts === '' ? 'none' : counts}\n`);
}
process.stdout.write(`${total} states in all\n`);
