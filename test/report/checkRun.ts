// A real `trecheck check` run as data, built by the same stages as check's own pipeline (honest run, pure and
// live; exhaustive search; re-check of each counterexample), for the tests of reportFromCheck.
import { isDeepStrictEqual } from 'node:util';
import { presetsNamed } from '../../models/flows/presets.ts';
import { runHonest } from '../../models/flows/runHonest.ts';
import { runLive } from '../../models/world/runLive.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';
import { worldProperties } from '../../properties/index.ts';
import { searchExhaustive } from '../../src/engine/exhaustive/searchExhaustive.ts';
import { replayTrace } from '../../src/engine/replay/replayTrace.ts';
import type { CheckScenarioInput } from '../../src/report/fromCheck.ts';

export function checkRun(flow: string): CheckScenarioInput[] {
  return presetsNamed(flow).map((config) => {
    const pure = runHonest(config);
    const live = runLive(config);
    const outcome = searchExhaustive(worldSystem(config), worldProperties.map((p) => p.property));
    return {
      config,
      pure: pure.outcome,
      live: live.outcome,
      agree: isDeepStrictEqual(live.finals, pure.finals),
      search: outcome.stats,
      properties: outcome.verdicts.map(({ property, verdict }) => {
        const entry = worldProperties.find((p) => p.property.id === property)!;
        if (verdict.kind !== 'violated') return { property, checks: entry.checks, verdict };
        const replay = replayTrace(worldSystem(config), entry.property, verdict.trace);
        const r = replay.result;
        return {
          property,
          checks: entry.checks,
          verdict,
          recheck: {
            result: r.kind,
            explanation: r.kind === 'reproduced' || r.kind === 'violated-earlier' ? r.explanation : undefined,
            liveAgrees: replay.live === 'absent' ? undefined : replay.live.mismatch === undefined,
          },
        };
      }),
    };
  });
}

export const describeWorldProperty = (id: string): string | undefined => worldProperties.find((p) => p.property.id === id)?.property.description;
