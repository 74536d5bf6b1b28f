// `npx tsx scripts/sleepSetCandidates.ts [scenario]`: in one built-in scenario (default: the largest threat
// scenario), how many transitions take an event that has an earlier enabled event of another role at the same
// world, neither an injection: events that commute (docs/engine.md, "The TR world has no ample sets"), so a
// sleep-set search would enter the transition's target with that earlier event asleep. Prints one line.
import { presets } from '../models/flows/presets.ts';
import type { ScenarioConfig } from '../models/flows/ScenarioConfig.ts';
import { enabledEvents, initialWorld, stepWorld, worldKey, type World, type WorldEvent } from '../models/world/World.ts';
import { allThreatScenarioConfigs } from '../properties/threats/threatSuite.ts';

const scenarios: ScenarioConfig[] = [...presets, ...allThreatScenarioConfigs()];
const name = process.argv[2] ?? 't2-replay-after-delete';
const config = scenarios.find((c) => c.name === name);
if (config === undefined) {
  process.stderr.write(`scripts/sleepSetCandidates.ts: no built-in scenario '${name}'\n`);
  process.exit(2);
}

const initial = initialWorld(config);
const model = initial.model;
const roleOf = (e: WorldEvent): number => (e.kind === 'local' ? e.role : model.receivers[e.envelope]!);
// Steps of different roles commute (the network is a multiset, the observations a set); an injection depends on
// the messages in flight and on the budget, so it is counted as dependent on everything.
const commute = (a: WorldEvent, b: WorldEvent): boolean => a.kind !== 'inject' && b.kind !== 'inject' && roleOf(a) !== roleOf(b);

const seen = new Set<number | string>([worldKey(initial)]);
let frontier: World[] = [initial];
let transitions = 0;
let withEarlierCommuting = 0;
while (frontier.length > 0) {
  const next: World[] = [];
  for (const world of frontier) {
    const events = enabledEvents(world);
    events.forEach((event, i) => {
      transitions++;
      if (events.slice(0, i).some((earlier) => commute(earlier, event))) withEarlierCommuting++;
      const after = stepWorld(world, event);
      if (!seen.has(worldKey(after))) {
        seen.add(worldKey(after));
        next.push(after);
      }
    });
  }
  frontier = next;
}
const share = ((100 * withEarlierCommuting) / transitions).toFixed(1);
process.stdout.write(`${name}: ${seen.size} states, ${transitions} transitions, ${withEarlierCommuting} (${share}%) with an earlier commuting event\n`);
