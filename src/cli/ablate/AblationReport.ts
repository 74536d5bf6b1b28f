// The ablation report as data (schema in docs/ablation.md, format `trecheck-ablation/1`): the matrix counter-measure
// x property, the per-switch and per-threat conclusions, the comparison with the text, and the optional defence-in-
// depth and trust matrices. Everything but `millis` fields is a function of the model and the options.
export const ablationFormat = 'trecheck-ablation/1';

/** A matrix cell: over the threat scenarios that check the property and where it holds with every switch on. */
export type MatrixEntry =
  | { readonly result: 'violated'; readonly steps: number; readonly scenario: string; readonly trace: string; readonly replayed: boolean }
  | { readonly result: 'holds'; readonly scenarios: number; readonly states: number }
  | { readonly result: 'inconclusive'; readonly scenario: string }
  /** Violated with every switch on in every scenario that checks it: a finding about the text, not a switch's doing. */
  | { readonly result: 'finding' }
  /** No threat scenario checks the property. */
  | { readonly result: 'not-checked' };

export interface SwitchConclusion {
  readonly switch: string;
  readonly aliases: readonly string[];
  /** inconclusive: no attack found, but a cell of its was cut short, so redundancy is not shown either. */
  readonly status: 'necessary' | 'redundant' | 'inconclusive';
  /** Necessary: the properties its removal breaks. Redundant: why nothing breaks (another mechanism stops it). */
  readonly breaks: readonly string[];
  readonly reason?: string;
}

export interface ThreatConclusion {
  readonly threat: string;
  readonly heading: string;
  readonly counterMeasures: readonly { readonly id: string; readonly status: string; readonly detail: string }[];
}

export interface AblationReport {
  readonly format: typeof ablationFormat;
  readonly options: { readonly maxStates: number; readonly maxMemory?: number; readonly pairs: boolean; readonly trust: boolean };
  readonly cells: number;
  readonly totalStates: number;
  /** The threats covered (all twelve unless --threat chose some). */
  readonly threats: readonly string[];
  readonly switches: readonly string[];
  readonly properties: readonly string[];
  /** matrix[switch][property] */
  readonly matrix: Readonly<Record<string, Readonly<Record<string, MatrixEntry>>>>;
  readonly conclusions: readonly SwitchConclusion[];
  readonly threatConclusions: readonly ThreatConclusion[];
  /** Properties no cell violates: suspect of holding vacuously. */
  readonly suspects: readonly string[];
  readonly findings: readonly { readonly scenario: string; readonly property: string }[];
  readonly inconclusive: readonly string[];
  /** Present when some cell's search was reduced by partial-order reduction: its results cover the reduced state
   *  space (sound for the properties checked) and its attacks were shrunk, not proved shortest. */
  readonly reduced?: true;
  readonly text?: {
    readonly file: string;
    readonly necessaryUnreferenced: readonly string[];
    readonly referencedRedundant: readonly string[];
  };
  /** --pairs: per scenario and property unbroken by single switches, the pairs whose removal breaks it. */
  readonly pairs?: readonly { readonly scenario: string; readonly property: string; readonly breakingPairs: readonly (readonly string[])[] }[];
  /** --trust: trust[role][property], the insider's attacks (entries as in the matrix). */
  readonly trust?: Readonly<Record<string, Readonly<Record<string, MatrixEntry>>>>;
  readonly millis: number;
}
