// The one report model every command produces and every writer reads (md, html, json, sarif, junit).
// Generic on purpose: a scenario is any searched configuration, a property any claim with the clauses and
// counter-measures it checks; the text tools add findings about a TR text. Schema: docs/reports.md.
import type { ReductionStats } from '../engine/ReductionStats.ts';
import type { Trace } from '../engine/Trace.ts';
import type { ExplorationStats, VerdictKind } from '../engine/Verdict.ts';
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
  /** The options that decide the findings (counter-measures off, a scenario file's digest, search limits, an
   *  analysis text), only those set away from their defaults: a baseline entry remembers them and is compared only
   *  with runs of the same options. Absent means {}. */
  readonly findingOptions?: FindingOptions;
  readonly scenarios: readonly ScenarioResult[];
  /** Findings of the text tools about a TR text (file, line, column). */
  readonly textFindings: readonly TextFinding[];
  /** Files the text tools read: a file with no defect left is how a baseline knows a finding disappeared. */
  readonly textFiles: readonly string[];
  /** `diff --check`: the properties the text change affects and their verdicts re-run, old and new. */
  readonly recheck?: Recheck;
  /** Mermaid state diagrams of the model's machines, drawn in the HTML report. */
  readonly diagrams: readonly { readonly title: string; readonly mermaid: string }[];
}

/** A line of a file of the package (relative to its root), for SARIF locations. */
export interface SourceLine {
  readonly file: string;
  readonly line: number;
}

/** Option name -> value, plain JSON data (compared as canonical JSON). */
export type FindingOptions = Readonly<Record<string, unknown>>;

export interface ScenarioResult {
  /** Unique within the report: the scenario name, or the system name for explore. */
  readonly id: string;
  /** Registered system the scenario runs on (replay rebuilds it from this and `config`). */
  readonly system: string;
  readonly config: unknown;
  /** Lines about the scenario beyond the verdicts (the honest run, the search size). */
  readonly notes: readonly string[];
  /** What every verdict of the scenario holds within (the attacker, its budget, the channels closed to it); absent
   *  for systems without one (explore's registered systems). */
  readonly scope?: VerdictScope;
  /** Where the scenario is defined, when known (SARIF locates its failures there). */
  readonly source?: SourceLine;
  /** Failures of the scenario itself, not of a property (an honest run that misses its goal). */
  readonly failures: readonly string[];
  readonly properties: readonly PropertyResult[];
}

/** The scope of a scenario's verdicts as data (computed by models/attacker/scenarioScope.ts, said by describeScope). */
export interface VerdictScope {
  /** Injections the attacker may make in a run: 0 without an attacker. */
  readonly injections: number;
  /** The attacker model ("Dolev-Yao over typed messages"). */
  readonly attackerModel: string;
  readonly capabilities: readonly string[];
  /** A role made dishonest within what its keys allow, or null. */
  readonly dishonest: string | null;
  /** Channels closed to this attacker: by an assumption of the scenario (its id), or by the model itself. */
  readonly closed: readonly { readonly channelClass: string; readonly channels: readonly string[]; readonly assumption?: string }[];
  /** The attacker starts knowing the traffic it read of the provisioning before the run (absent in older reports: false). */
  readonly earlierTraffic?: boolean;
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
  /** The line of `source` that defines the property. */
  readonly sourceLine?: number;
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
  /** Exhaustive search of a system that reduces on an assumption it checks (ExplorationStats.assumption). */
  readonly assumption?: ExplorationStats['assumption'];
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
  /** Per step of the trace, the model transition it takes (SARIF codeFlow locations); null where unknown. */
  readonly stepSources?: readonly (SourceLine | null)[];
  /** Random search: the command that re-runs the part of the search that found it. */
  readonly reproduce?: string;
  /** A secrecy violation: how the attacker derived each secret it holds at the end (src/attacker/derivation.ts). */
  readonly derivations?: readonly SecretDerivation[];
}

export interface SecretDerivation {
  readonly secret: string;
  /** What it read, then each projection, signed body and decryption, one line a step. */
  readonly steps: readonly string[];
  /** Per line of `steps`: the trace step (from 1) after which a term read on a channel was held; null otherwise. */
  readonly readAt?: readonly (number | null)[];
}

/** What `diff --check` re-ran and what came out, against the verdicts the baseline accepted before the change. */
export interface Recheck {
  /** Each affected property: the counter-measures of changed requirements it checks, and the edited line of the new
   *  text that touched them. */
  readonly properties: readonly { readonly id: string; readonly counterMeasures: readonly string[]; readonly file: string; readonly line: number }[];
  /** Each re-run verdict. `old`: the finding the baseline accepted ('violated', 'inconclusive', 'failed'), 'none' when it
   *  accepted none, 'unknown' without a baseline for check; `new`: the verdict kind now; `changed`: old and new differ. */
  readonly verdicts: readonly {
    readonly scenario: string;
    readonly property: string;
    readonly old: string;
    readonly new: string;
    readonly text: string;
    readonly changed: boolean;
  }[];
  /** In words: "no verdict changed: ..." or which changed. */
  readonly summary: string;
}

export interface TextFinding {
  /** The text tool that reported it: risk, xref, diff. */
  readonly tool: string;
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** A defect fails the run; a warning (a weakened requirement) and a note do not. */
  readonly severity: 'defect' | 'warning' | 'note';
  readonly code: string;
  readonly message: string;
  readonly suggestion?: string;
}
