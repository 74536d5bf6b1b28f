// What a search on two threads must give as one thread does: a violation at least, and every counterexample a trace
// that re-executes on a fresh system of its own scenario to the same violation.
import { expect } from 'vitest';
import type { World, WorldEvent } from '../../../models/world/World.ts';
import { worldSystemOfTrace } from '../../../models/world/worldSystem.ts';
import type { ExhaustiveOutcome } from '../../../src/engine/exhaustive/ExhaustiveOutcome.ts';
import type { Property } from '../../../src/engine/Property.ts';
import { replayTrace } from '../../../src/engine/replay/replayTrace.ts';

export function expectViolationsReplay(outcome: ExhaustiveOutcome, properties: readonly Property<World, WorldEvent>[]): void {
  const violated = outcome.verdicts.filter(({ verdict }) => verdict.kind === 'violated');
  expect(violated.length).toBeGreaterThan(0);
  for (const { property, verdict } of violated) {
    if (verdict.kind !== 'violated') continue;
    const report = replayTrace(worldSystemOfTrace(verdict.trace), properties.find((p) => p.id === property)!, verdict.trace);
    expect(report.result.kind).toBe('reproduced');
    expect(report.savedMismatch).toBeUndefined();
  }
}
