// Why a two-thread speed-up reads above the number of threads: two threads cannot do more than twice the work
// of one, so such a figure is never printed without the numbers that explain it.
import { median } from './median.ts';

/** One round of a variant: the one-thread run paired with the two-thread run, and their ratio. */
export interface ParallelRound {
  readonly serialMillis: number;
  readonly millis: number;
  /** serialMillis / millis. */
  readonly speedUp: number;
}

const ms = (x: number): string => `${Math.round(x).toLocaleString('en-US')} ms`;
const x2 = (x: number): string => `${x.toFixed(2)}x`;

/** Undefined when `speedUp` is at most `threads`; otherwise one sentence with the numbers behind it.
 *  `dedicatedMillis`: the one-thread figure measured on its own (several runs in a row, after a warm-up). */
export function explainSuperLinear(
  speedUp: number,
  rounds: readonly ParallelRound[],
  threads: number,
  dedicatedMillis: number,
): string | undefined {
  if (!(speedUp > threads)) return undefined;
  const above = rounds.map((r, i) => ({ ...r, round: i + 1 })).filter((r) => r.speedUp > threads);
  const which = `round${above.length === 1 ? '' : 's'} ${above.map((r) => r.round).join(', ')}`;
  const baseline = median(above.map((r) => r.serialMillis));
  const twoThreads = median(above.map((r) => r.millis));
  const fair = dedicatedMillis / twoThreads;
  // Compared as printed: 2.002 reads "2.00x", which is not above 2.
  const fairAbove = Number(fair.toFixed(2)) > threads;
  const head = `${x2(speedUp)} is above ${threads} on ${threads} threads`;
  if (baseline > dedicatedMillis) {
    return (
      `${head} because the one-thread runs of ${which} (median ${ms(baseline)}) ran slower than the dedicated ` +
      `one-thread figure (${ms(dedicatedMillis)}): against that figure the two-thread runs of those rounds ` +
      `(median ${ms(twoThreads)}) give ${x2(fair)}${fairAbove ? ', still above: read it as noise from other work on the machine' : ''}.`
    );
  }
  return (
    `${head}, and not because of a slow one-thread baseline: the one-thread runs of ${which} (median ${ms(baseline)}) ` +
    `were no slower than the dedicated one-thread figure (${ms(dedicatedMillis)}), and the two-thread runs ` +
    `(median ${ms(twoThreads)}) give ${x2(fair)} against it; read it as noise from other work on the machine, not as a speed-up.`
  );
}
