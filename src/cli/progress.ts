// Live counters on standard error for searches longer than a second, and only on a terminal:
// piped or captured output stays clean. Searches call `update` from their progress hooks.
import type { CliContext } from './CliContext.ts';
import { formatCount } from '../report/formatCount.ts';

export interface Progress {
  /** Shows the counters (and a rate for `rateOf`) once the search has run a second; throttled to 10/s. */
  update(counters: Readonly<Record<string, number>>): void;
  /** Clears the line. */
  done(): void;
}

/** One line redrawn in place: drawn once a second has passed since it started, at most ten times a second, with the
 *  process's resident memory at its end (what a long search grows; --max-memory bounds its heap and stores in it). */
export interface StatusLine {
  /** Draws the text `line()` gives, when it is time to (so the text is not made otherwise). */
  draw(line: (now: number) => string): void;
  /** Clears the line if it was drawn. */
  done(): void;
}

const quietLine: StatusLine = { draw: () => {}, done: () => {} };

/** The clock and the resident memory a line reads (tests give their own). */
export interface LineSources {
  readonly now: () => number;
  readonly rss: () => number;
}

export const processSources: LineSources = { now: () => performance.now(), rss: () => process.memoryUsage.rss() };

export function startStatusLine(ctx: CliContext, sources: LineSources = processSources): StatusLine {
  const { now, rss } = sources;
  if (!ctx.interactive) return quietLine;
  const started = now();
  let drawn = 0;
  let shown = false;
  return {
    draw(line) {
      const t = now();
      if (t - started < 1000 || t - drawn < 100) return;
      drawn = t;
      shown = true;
      ctx.err(`\r\x1b[K${line(t)}  ${formatCount(Math.round(rss() / 2 ** 20))} MiB`);
    },
    done() {
      if (shown) ctx.err('\r\x1b[K');
    },
  };
}

export function startProgress(ctx: CliContext, label: string, rateOf: string, sources: LineSources = processSources): Progress {
  const started = sources.now();
  const line = startStatusLine(ctx, sources);
  return {
    update(counters) {
      line.draw((t) => {
        const fields = Object.entries(counters).map(([k, v]) => `${k} ${formatCount(v)}`);
        const rate = counters[rateOf];
        if (rate !== undefined) fields.push(`${formatCount(Math.round((rate * 1000) / (t - started)))} ${rateOf}/s`);
        return `${label}: ${fields.join('  ')}`;
      });
    },
    done: () => line.done(),
  };
}
