// Growth of a threat scenario's state space per attacker injection: each scenario searched with 0, 1, 2, ...
// injections (its other settings as the threat suite has them) until a search passes the state cap, and the factor
// from one injection count to the next. State counts do not depend on the machine's load, so these factors are
// exact; the milliseconds are one search each, as the machine was. `npx tsx bench/measureInjectionGrowth.ts
// [--no-relay-at-receipt | --steady-relays] [maxStates] [scenario ...]` prints a Markdown table (default:
// t2-replay-after-delete, t5-replaced-tre, t7-forged-commands, cap 3,000,000); the flags search the world without
// relay at receipt, or with its steady relays alone (models/world/relayAtReceipt.ts), as before each.
import { splitProperties } from '../src/engine/searchProperties.ts';
import { worldSystem } from '../models/world/worldSystem.ts';
import { initialWorld } from '../models/world/World.ts';
import { searchedProperties } from '../src/cli/check/runCheckJob.ts';
import { searchExhaustive } from '../src/engine/exhaustive/searchExhaustive.ts';
import { threatSuitePlan } from './measureThreats.ts';

export interface InjectionRow {
  readonly scenario: string;
  readonly injections: number;
  /** Undefined when the search stopped at the cap. */
  readonly states: number | undefined;
  readonly leftOut: number;
  /** Steps taken (the steps left out apart). */
  readonly transitions: number;
  readonly millis: number;
}

export function measureInjectionGrowth(scenario: string, maxStates: number, relayAtReceipt: boolean | 'steady' = true): InjectionRow[] {
  const job = threatSuitePlan().jobs.find((j) => j.config.name === scenario);
  if (job === undefined) throw new Error(`bench: no threat scenario ${scenario}`);
  const rows: InjectionRow[] = [];
  for (let injections = 0; ; injections++) {
    const config = { ...job.config, attacker: { ...job.config.attacker, injections } };
    const outcome = searchExhaustive(worldSystem(config, initialWorld(config, { relayAtReceipt })), splitProperties(searchedProperties({ ...job, config })).safety, { maxStates });
    const capped = outcome.verdicts.some((v) => v.verdict.kind === 'inconclusive');
    rows.push({ scenario, injections, states: capped ? undefined : outcome.stats.states, leftOut: outcome.stats.leftOut ?? 0, transitions: outcome.stats.transitions, millis: outcome.stats.millis });
    if (capped) return rows;
  }
}

export function renderInjectionGrowth(rows: readonly InjectionRow[], maxStates: number): string[] {
  const n = (x: number): string => x.toLocaleString('en-US');
  return [
    '| scenario | injections | states | factor over one injection fewer | steps taken | factor | steps left out | ms (one search) |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((r, i) => {
      const before = i > 0 && rows[i - 1]!.scenario === r.scenario ? rows[i - 1]!.states : undefined;
      const previous = i > 0 && rows[i - 1]!.scenario === r.scenario ? rows[i - 1] : undefined;
      const factor = r.states !== undefined && before !== undefined ? `x${(r.states / before).toFixed(1)}` : '';
      const stepFactor = r.states !== undefined && previous?.states !== undefined ? `x${(r.transitions / previous.transitions).toFixed(1)}` : '';
      return `| ${r.scenario} | ${r.injections} | ${r.states === undefined ? `> ${n(maxStates)} (stopped)` : n(r.states)} | ${factor} | ${n(r.transitions)} | ${stepFactor} | ${n(r.leftOut)} | ${n(Math.round(r.millis))} |`;
    }),
  ];
}

if (process.argv[1]?.endsWith('measureInjectionGrowth.ts')) {
  const args = process.argv.slice(2);
  const relayAtReceipt = args.includes('--no-relay-at-receipt') ? false : args.includes('--steady-relays') ? 'steady' : true;
  const [cap, ...named] = args.filter((a) => a !== '--no-relay-at-receipt' && a !== '--steady-relays');
  const maxStates = cap === undefined ? 3_000_000 : Number(cap);
  const scenarios = named.length > 0 ? named : ['t2-replay-after-delete', 't5-replaced-tre', 't7-forged-commands'];
  const rows = scenarios.flatMap((s) => measureInjectionGrowth(s, maxStates, relayAtReceipt));
  process.stdout.write(`${renderInjectionGrowth(rows, maxStates).join('\n')}\n`);
}
