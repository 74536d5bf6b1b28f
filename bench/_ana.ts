import { worldSystem } from '../models/world/worldSystem.ts';
import { forEachSuccessorKey, worldAt, localIdOf, type World, type WorldEvent } from '../models/world/World.ts';
import { threatSuitePlan } from './measureThreats.ts';
const [name, inj] = process.argv.slice(2);
const job = threatSuitePlan().jobs.find((j) => j.config.name === name)!;
const config = { ...job.config, attacker: { ...job.config.attacker, injections: Number(inj ?? job.config.attacker.injections) } };
const sys = worldSystem(config);
const w0 = sys.initialStates()[0]! as World;
const model = w0.model;
const seen = new Set<number>([w0.at]);
let level = [w0.at];
const byCat = new Map<string, number>();
const add = (k: string) => byCat.set(k, (byCat.get(k) ?? 0) + 1);
while (level.length) {
  const next: number[] = [];
  for (const at of level) {
    const w = worldAt(model, at);
    forEachSuccessorKey(w, (e: WorldEvent, key: number) => {
      if (seen.has(key)) return;
      seen.add(key); next.push(key);
      const t = worldAt(model, key);
      let cat: string;
      if (e.kind === 'local') cat = `local ${model.cast[e.role]!.id}`;
      else {
        const m = model.message(e.kind === 'relay' ? e.relayed : e.envelope);
        const recv = model.cast[model.receivers[e.kind === 'relay' ? e.relayed : e.envelope]!]!.id;
        cat = `${e.kind} ${m.kind} ->${recv}`;
      }
      const changed = model.cast.map((_, i) => localIdOf(w, i) !== localIdOf(t, i) ? model.cast[i]!.id : '').filter(Boolean).join('+');
      add(`${cat} [${changed}]${t.observedId !== w.observedId ? ' obs' : ''}`);
    });
  }
  level = next;
}
console.log('states', seen.size);
for (const m of model.memos.map((mm, i) => `${model.cast[i]!.id}:${mm.size}`)) process.stdout.write(m + ' ');
console.log();
for (const [k, v] of [...byCat].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40))) console.log(v, k);
