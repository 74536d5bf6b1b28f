// `check`'s line on a terminal: the scenarios done of the run's, and the exhaustive search under way on this thread
// (its scenario, states, depth and rate), so a scenario that searches for minutes shows that it moves.
import type { ExhaustiveProgress } from '../../engine/exhaustive/ExhaustiveOptions.ts';
import { formatCount } from '../../report/formatCount.ts';
import type { CliContext } from '../CliContext.ts';
import { processSources, startStatusLine, type LineSources } from '../progress.ts';

export interface CheckProgress {
  /** `done` of the run's scenarios have ended (on any thread). */
  scenariosDone(done: number): void;
  /** The search of `scenario` starts on this thread: the hook its levels report to, until `searched`. */
  searching(scenario: string): (progress: ExhaustiveProgress) => void;
  searched(): void;
  /** Clears the line. */
  done(): void;
}

export function startCheckProgress(ctx: CliContext, total: number, sources: LineSources = processSources): CheckProgress {
  const line = startStatusLine(ctx, sources);
  const { now } = sources;
  let done = 0;
  let search: { scenario: string; started: number; at?: ExhaustiveProgress } | undefined;
  const text = (t: number): string => {
    const head = `check: ${done}/${total} scenarios`;
    const at = search?.at;
    if (search === undefined || at === undefined) return head;
    const rate = t > search.started ? `  ${formatCount(Math.round((at.states * 1000) / (t - search.started)))} states/s` : '';
    return `${head}  ${search.scenario}: states ${formatCount(at.states)}  depth ${at.depth}${rate}`;
  };
  return {
    scenariosDone(n) {
      done = n;
      line.draw(text);
    },
    searching(scenario) {
      const current: NonNullable<typeof search> = { scenario, started: now() };
      search = current;
      return (progress) => {
        current.at = progress;
        line.draw(text);
      };
    },
    searched() {
      search = undefined;
    },
    done: () => line.done(),
  };
}
