// What the threat analysis reader extracts from a clause 7 text (TR 33.812 7.1): scales, risk matrix,
// and per alternative the summary table and each threat with its numbered counter-measures.
import type { RiskCategory } from './riskCategory.ts';

export interface ScaleLevel {
  readonly value: number;
  readonly name: string;
  readonly line: number;
}

export interface MatrixCell {
  readonly likelihood: number;
  readonly impact: number;
  readonly risk: number;
  /** As written ("Minor", "major"), lower-cased; undefined when it is not one of the three. */
  readonly category: RiskCategory | undefined;
  readonly line: number;
}

export interface CategoryDefinition {
  readonly category: RiskCategory;
  readonly risks: readonly number[];
  readonly line: number;
}

/** A likelihood or impact as stated: "2 (or possibly 3, if ...)" has values [2, 3]. */
export interface StatedLevel {
  readonly values: readonly number[];
  readonly text: string;
  readonly line: number;
}

/** A stated risk level: "4 or 6 (major)" has values [4, 6] and category major. */
export interface StatedRisk extends StatedLevel {
  readonly category: RiskCategory | undefined;
  /** The category word as written ("major", "severe"), when there is one. */
  readonly categoryText: string | undefined;
}

export interface SummaryRow {
  readonly threat: number;
  readonly description: string;
  readonly level: RiskCategory | undefined;
  readonly levelText: string;
  /** Line of the risk level cell. */
  readonly line: number;
}

export interface CounterMeasureEntry {
  /** The number as printed in the text (which may be odd: Alternative 3a starts at 6, 8, 8, 7). */
  readonly number: number;
  readonly line: number;
  /** The item's text, continuation lines joined, notes left out. */
  readonly text: string;
  /** "8. void." - a slot kept so that cross-references elsewhere keep their numbers. */
  readonly isVoid: boolean;
}

export interface ThreatEntry {
  /** The threat's number in sequence: the printed one, unless that is a slip (see `printedNumber`). */
  readonly number: number;
  /** Set when the printed number is a slip in the sequence ("Threat #44" between #3 and #5): the number as printed. */
  readonly printedNumber?: number;
  readonly line: number;
  readonly description: string;
  readonly likelihood: StatedLevel | undefined;
  readonly impact: StatedLevel | undefined;
  readonly risk: StatedRisk | undefined;
  readonly counterMeasures: readonly CounterMeasureEntry[];
  /** The list ends in an ellipsis line: the text is an excerpt and later items were left out. */
  readonly elided: boolean;
}

export interface AlternativeAnalysis {
  /** "1", "3a": from the clause title "Alternative 3a: ...". */
  readonly id: string;
  readonly title: string;
  readonly line: number;
  readonly summary: readonly SummaryRow[];
  /** Line of the summary table heading; undefined when the text has no summary table for it. */
  readonly summaryLine: number | undefined;
  readonly threats: readonly ThreatEntry[];
}

/** The methodology tables of 7.1.1: scales, risk matrix, category definitions (empty when absent). */
export interface RiskTables {
  readonly impactScale: readonly ScaleLevel[];
  readonly likelihoodScale: readonly ScaleLevel[];
  readonly matrix: readonly MatrixCell[];
  readonly categories: readonly CategoryDefinition[];
}

export interface ThreatAnalysis extends RiskTables {
  readonly file: string;
  readonly alternatives: readonly AlternativeAnalysis[];
}
