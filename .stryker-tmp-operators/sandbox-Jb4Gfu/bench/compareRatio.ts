// The check of `npm run bench:quick`: the measured TR-world / benchmark-model ratio against the recorded one.
// A ratio, not a rate, so that a slower or busier machine does not fail it; half, so that noise does not.
import type { MeasuredRatio } from './measureRatio.ts';
import type { RecordedRatio } from './recordedRatio.ts';

export interface RatioComparison {
  readonly pass: boolean;
  /** One line naming both ratios. */
  readonly message: string;
}

/** Three significant digits: the ratio is about 0.01 today and should reach 0.35. */
export const formatRatio = (ratio: number): string => ratio.toPrecision(3);

export function compareRatio(
  recorded: Pick<RecordedRatio, 'scenario' | 'maxP' | 'ratio' | 'date'>,
  measured: Pick<MeasuredRatio, 'scenario' | 'maxP' | 'ratio'>,
): RatioComparison {
  const r = formatRatio(recorded.ratio);
  const m = formatRatio(measured.ratio);
  if (recorded.scenario !== measured.scenario || recorded.maxP !== measured.maxP) {
    return {
      pass: false,
      message: `the recorded ratio ${r} is of ${recorded.scenario} against MAXP=${recorded.maxP}, this run measured ${m} of ${measured.scenario} against MAXP=${measured.maxP}: re-record with \`npm run bench:quick -- --record\``,
    };
  }
  const limit = recorded.ratio / 2;
  // Written so that a NaN ratio (a search that took no time) fails too.
  if (!(measured.ratio >= limit)) {
    return {
      pass: false,
      message: `TR world / benchmark ratio ${m} is below half the recorded ${r} (limit ${formatRatio(limit)}, recorded ${recorded.date.slice(0, 10)}): the TR world got slower against the engine; if that is intended, re-record with \`npm run bench:quick -- --record\``,
    };
  }
  return { pass: true, message: `TR world / benchmark ratio ${m}, recorded ${r} (${recorded.date.slice(0, 10)}): not below half the recorded (${formatRatio(limit)})` };
}
