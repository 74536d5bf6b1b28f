// Ids of the counter-measures of TR 33.812 clause 7.1.2: `t5.cm3` is Alternative 1, threat 5, counter-measure 3;
// Alternative 3a ids carry a prefix, `a3a.t2.cm1`, numbered 1..n in list order (the text's own numbers are odd there).
import type { Brand } from '../../src/engine/Brand.ts';

export type CounterMeasureId = Brand<string, 'counter-measure'>;

const idPattern = /^(?:(a3a)\.)?t(\d+)\.cm(\d+)$/;

/** The id of counter-measure `number` of threat `threat` in `alternative` ('1' or '3a'). */
export function counterMeasureIdOf(alternative: '1' | '3a', threat: number, number: number): CounterMeasureId {
  return `${alternative === '1' ? '' : 'a3a.'}t${threat}.cm${number}` as CounterMeasureId;
}

/** Splits an id into its parts, or undefined when it is not of either form. */
export function parseCounterMeasureId(id: string): { alternative: '1' | '3a'; threat: number; number: number } | undefined {
  const m = idPattern.exec(id);
  if (m?.[2] === undefined || m[3] === undefined) return undefined;
  return { alternative: m[1] === undefined ? '1' : '3a', threat: Number(m[2]), number: Number(m[3]) };
}
