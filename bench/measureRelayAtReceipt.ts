// Relay at receipt (models/world/relayAtReceipt.ts) over the threat suite: per scenario, the states and steps taken
// of one search with the properties `check` searches, with the reduction on and off, and the totals. State and step
// counts do not depend on the machine's load, so they are exact; the search times (off and on one after the other, on
// fresh systems) are as the machine was. `npx tsx bench/measureRelayAtReceipt.ts`.
import { initialWorld } from '../models/world/World.ts';
import { worldSystem } from '../models/world/worldSystem.ts';
import { searchedProperties } from '../src/cli/check/runCheckJob.ts';
import { searchExhaustive } from '../src/engine/exhaustive/searchExhaustive.ts';
import { splitProperties } from '../src/engine/searchProperties.ts';
import { threatSuitePlan } from './measureThreats.ts';

export interface RelayRow {
  readonly scenario: string;
  readonly statesOff: number;
  readonly statesOn: number;
  readonly stepsOff: number;
  readonly stepsOn: number;
  readonly millisOff: number;
  readonly millisOn: number;
}

export function measureRelayAtReceipt(): RelayRow[] {
  return threatSuitePlan().jobs.map((job) => {
    const properties = splitProperties(searchedProperties(job)).safety;
    const off = searchExhaustive(worldSystem(job.config, initialWorld(job.config, { relayAtReceipt: false })), properties);
    const on = searchExhaustive(worldSystem(job.config), properties);
    return {
      scenario: job.config.name, statesOff: off.stats.states, statesOn: on.stats.states, stepsOff: off.stats.transitions, stepsOn: on.stats.transitions,
      millisOff: off.stats.millis, millisOn: on.stats.millis,
    };
  });
}

export function renderRelayAtReceipt(rows: readonly RelayRow[]): string[] {
  const n = (x: number): string => x.toLocaleString('en-US');
  const sum = (f: (r: RelayRow) => number): number => rows.reduce((a, r) => a + f(r), 0);
  const line = (name: string, a: number, b: number, c: number, d: number, e: number, f: number): string =>
    `| ${name} | ${n(a)} | ${n(b)} | ${(b / a).toFixed(2)} | ${n(c)} | ${n(d)} | ${n(Math.round(e))} | ${n(Math.round(f))} |`;
  return [
    '| scenario | states, off | states, on | on / off | steps taken, off | steps taken, on | ms off | ms on |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => line(r.scenario, r.statesOff, r.statesOn, r.stepsOff, r.stepsOn, r.millisOff, r.millisOn)),
    line('**total**', sum((r) => r.statesOff), sum((r) => r.statesOn), sum((r) => r.stepsOff), sum((r) => r.stepsOn), sum((r) => r.millisOff), sum((r) => r.millisOn)),
  ];
}

if (process.argv[1]?.endsWith('measureRelayAtReceipt.ts')) process.stdout.write(`${renderRelayAtReceipt(measureRelayAtReceipt()).join('\n')}\n`);
