// The one report model every command produces and every writer reads (md, html, json, sarif, junit).
// Generic on purpose: a scenario is any searched configuration, a property any claim with the clauses and
// counter-measures it checks; the text tools add findings about a TR text. Schema: docs/reports.md.
import type { ReductionStats } from '../engine/ReductionStats.ts';
import type { Trace } from '../engine/Trace.ts';
import type { VerdictKind } from '../engine/Verdict.ts';
import type { Provenance } from './Provenance.ts';

/** Version of the JSON schema; `trecheck report` refuses any other. */
export const reportFormat = 'trecheck-report/1';

export interface Report {
  readonly format: typeof reportFormat;
  /** The command that produced it: check, explore, risk, xref, diff. */
  readonly command: string;
  /** One line saying what was run ("explore needham-schroeder"). */
  readonly title: string;
  readonly provenance: Provenance;
  readonly scenarios: readonly ScenarioResult[];
  /** Findings of the text tools about a TR text (file, line, column). */
  readonly textFindings: readonly TextFinding[];
  /** Files the text tools read: a file with no defect left is how a baseline knows a finding disappeared. */
  readonly textFiles: readonly string[];
  /** Mermaid state diagrams of the model's machines, drawn in the HTML report. */
  readonly diagrams: readonly { readonly title: string; readonly mermaid: string }[];
}

export interface ScenarioResult {
  /** Unique within the report: the scenario name, or the system name for explore. */
  readonly id: string;
  /** Registered system the scenario runs on (replay rebuilds it from this and `config`). */
  readonly system: string;
  readonly config: unknown;
  /** Lines about the scenario beyond the verdicts (the honest run, the search size). */
  readonly notes: readonly string[];
  /** Failures of the scenario itself, not of a property (an honest run that misses its goal). */
  readonly failures: readonly string[];
  readonly properties: readonly PropertyResult[];
}

export interface PropertyResult {
  readonly id: string;
  readonly description: string;
  /** TR clauses ("004 5.1.3.7.2") and catalogue counter-measure ids ("t5.cm3") the property checks. */
  readonly checks: readonly string[];
  /** The threat the property stands for, with its risk level from the threat analysis, when known. */
  readonly threat?: { readonly id: string; readonly risk?: string };
  /** Source file of the property, relative to the repository, when known (SARIF locations). */
  readonly source?: string;
  /** One per search (exhaustive and random may both run); the strongest decides. */
  readonly verdicts: readonly VerdictResult[];
}

export interface VerdictResult {
  readonly kind: VerdictKind;
  readonly method: 'exhaustive' | 'random';
  /** The verdict in words, with its bound (formatVerdict). */
  readonly text: string;
  /** The bound alone: "depth 32, complete", "1,000 runs of <= 50 steps, seed 1". */
  readonly bound: string;
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  /** Exhaustive: the whole reachable state space was explored (under partial-order reduction, see `reduction`,
   *  the whole reduced state space, which is sound for the properties checked). */
  readonly complete?: boolean;
  /** Exhaustive search of a system with ample sets: whether partial-order reduction was applied, and how much. */
  readonly reduction?: ReductionStats;
  /** Exhaustive search that left out steps by the action that reached a state (ExplorationStats.leftOut): how
   *  many, apart from `transitions`; every state was still explored, at its depth. */
  readonly leftOut?: number;
  /** Random: the seed that reproduces the search. */
  readonly seed?: number;
  /** Inconclusive: the limit that stopped the search. */
  readonly limit?: string;
  readonly millis: number;
  readonly counterexample?: Counterexample;
}

export interface Counterexample {
  /** trecheck's own replayable trace, as `trecheck replay` reads it. */
  readonly trace: Trace;
  /** Expected versus actual at the violating step, when the property explains itself. */
  readonly explanation?: string;
  /** Whether the trace re-executed to the same violation on a fresh system, and on live actors. */
  readonly replayed?: string;
  readonly liveAgrees?: boolean;
  /** Random search: the command that re-runs the part of the search that found it. */
  readonly reproduce?: string;
  /** A secrecy violation: how the attacker derived each secret it holds at the end (src/attacker/derivation.ts). */
  readonly derivations?: readonly SecretDerivation[];
}

export interface SecretDerivation {
  readonly secret: string;
  /** What it read, then each projection, signed body and decryption, one line a step. */
  readonly steps: readonly string[];
}

export interface TextFinding {
  /** The text tool that reported it: risk, xref, diff. */
  readonly tool: string;
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly severity: 'defect' | 'note';
  readonly code: string;
  readonly message: string;
  readonly suggestion?: string;
}
