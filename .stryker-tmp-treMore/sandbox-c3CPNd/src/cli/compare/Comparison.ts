// The comparison of Alternative 1a and 3a as data (format `trecheck-compare/1`): per claim and attacker class a
// cell for each alternative, the searches behind them, and 3a's ablation matrix. Only `millis` fields vary by run.
import type { Ablation3a } from './ablation3a.ts';
import type { Check3aResult } from './runSuite3a.ts';

export const compareFormat = 'trecheck-compare/1';

export type Cell =
  /** `needs`: the counter-measures whose removal alone breaks it (from the ablation); empty: none does. */
  | { readonly kind: 'holds'; readonly scenario: string; readonly property: string; readonly states: number; readonly millis: number; readonly needs: readonly string[] | null }
  | {
      readonly kind: 'violated';
      readonly scenario: string;
      readonly property: string;
      readonly states: number;
      readonly millis: number;
      readonly steps: number;
      readonly actions: readonly string[];
      /** The reason the text leaves the gap, when it is a known finding. */
      readonly known?: string;
    }
  | { readonly kind: 'inconclusive'; readonly scenario: string; readonly property: string; readonly states: number; readonly millis: number }
  | { readonly kind: 'not-applicable'; readonly reason: string };

export interface CompareRow {
  readonly claim: string;
  readonly attacker: string;
  readonly a1: Cell;
  readonly a3: Cell;
  /** How 1a states the claim, when not by the same property. */
  readonly note?: string;
}

export interface Comparison {
  readonly format: typeof compareFormat;
  readonly rows: readonly CompareRow[];
  /** The searches behind the cells. */
  readonly runs: { readonly a1: readonly Check3aResult[]; readonly a3: readonly Check3aResult[] };
  /** Null with --no-ablation. */
  readonly ablation3a: Ablation3a | null;
}
