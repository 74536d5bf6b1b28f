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

const quiet: Progress = { update: () => {}, done: () => {} };

export function startProgress(ctx: CliContext, label: string, rateOf: string, now: () => number = () => performance.now()): Progress {
  if (!ctx.interactive) return quiet;
  const started = now();
  let drawn = 0;
  let shown = false;
  return {
    update(counters) {
      const t = now();
      if (t - started < 1000 || t - drawn < 100) return;
      drawn = t;
      shown = true;
      const fields = Object.entries(counters).map(([k, v]) => `${k} ${formatCount(v)}`);
      const rate = counters[rateOf];
      if (rate !== undefined) fields.push(`${formatCount(Math.round((rate * 1000) / (t - started)))} ${rateOf}/s`);
      ctx.err(`\r\x1b[K${label}: ${fields.join('  ')}`);
    },
    done() {
      if (shown) ctx.err('\r\x1b[K');
    },
  };
}
