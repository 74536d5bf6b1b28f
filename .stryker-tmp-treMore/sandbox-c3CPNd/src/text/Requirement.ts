// A requirement sentence of a TRE function text, as the version diff aligns them.
export interface Requirement {
  /** Line where the sentence starts. */
  readonly line: number;
  /** 1-based column where the sentence starts on that line. */
  readonly column: number;
  /** Paragraph number in its text (0, 1, ...): a reference at a paragraph's end often covers the sentences before it. */
  readonly paragraph: number;
  /** Title of the clause it is in ("General Functions of a TRE"). */
  readonly section: string;
  /** The sentence as written (normalised), references included. */
  readonly text: string;
  /** Counter-measures its `[tx cmy]` references name (`t5.cm3`), read as intended where malformed. */
  readonly counterMeasures: readonly string[];
  /** Its `[tx cmy]` references as written, each where it stands in the file. */
  readonly references: readonly RequirementReference[];
}

export interface RequirementReference {
  readonly line: number;
  readonly column: number;
  readonly raw: string;
  /** Counter-measure keys (`t5.cm3`) of the reading. */
  readonly counterMeasures: readonly string[];
}
