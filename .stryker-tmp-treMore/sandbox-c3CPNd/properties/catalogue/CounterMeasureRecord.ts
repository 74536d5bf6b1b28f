// One entry of trecheck's counter-measure catalogue, and the threat it counters, as typed data.
import type { RiskCategory } from '../../src/text/riskCategory.ts';
import type { CounterMeasureId } from './CounterMeasureId.ts';

export interface ThreatRecord {
  readonly alternative: '1' | '3a';
  readonly threat: number;
  /** The threat in a few words, after the TR's summary table. */
  readonly title: string;
  /** Stated values; two values when the TR gives a range ("2 (or possibly 3 ...)"). */
  readonly likelihood: readonly number[];
  readonly impact: readonly number[];
  readonly risk: readonly number[];
  /** Category of the detailed analysis (clause 7.1.2.x.3), which the catalogue follows when the summary table disagrees. */
  readonly category: RiskCategory;
  /** Numbers printed in the TR for entries that are void ("8. void."): kept so that cross-references keep their meaning. */
  readonly voidNumbers: readonly number[];
}

/** A threat as the data files write it: alternative and number come from where it stands, no void entry by default. */
export type ThreatData = Omit<ThreatRecord, 'alternative' | 'threat' | 'voidNumbers'> & { readonly voidNumbers?: readonly number[] };

export interface CounterMeasureRecord {
  readonly id: CounterMeasureId;
  readonly alternative: '1' | '3a';
  readonly threat: number;
  /** Position in the threat's list, 1..n: the number in the id. */
  readonly number: number;
  /** The number printed in the TR text (differs from `number` only in Alternative 3a). */
  readonly textNumber: number;
  /** What it requires, in one line of our own words. */
  readonly summary: string;
  /** False for measures no protocol model can check (contracts, certification, procedures, incentives). */
  readonly modelable: boolean;
  /** Why it cannot be modelled, when `modelable` is false. */
  readonly notModelableBecause?: string;
  readonly threatRecord: ThreatRecord;
}
