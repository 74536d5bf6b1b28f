// One thing a text tool reports about a TR text: where, how serious, a stable code, and the likely fix.
export type FindingSeverity = 'defect' | 'note';

export interface Finding {
  readonly file: string;
  /** 1-based line; absent for findings about the whole text (e.g. coverage). */
  readonly line?: number;
  /** 1-based column of the thing reported (the reference, the value); present whenever `line` is. */
  readonly column?: number;
  /** `defect` makes the command exit 1; `note` is information only. */
  readonly severity: FindingSeverity;
  /** Stable identifier for scripts, e.g. `xref/separator`, `risk/summary-mismatch`. */
  readonly code: string;
  readonly message: string;
  /** The likely intended reading or the fix, when there is one. */
  readonly suggestion?: string;
}

/** How many findings are defects: any defect makes a text command exit 1. */
export function countDefects(findings: readonly Finding[]): number {
  return findings.filter((f) => f.severity === 'defect').length;
}

/** Orders findings by file, then line (whole-text findings last), then code: output is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const la = a.line ?? Number.MAX_SAFE_INTEGER;
  const lb = b.line ?? Number.MAX_SAFE_INTEGER;
  if (la !== lb) return la - lb;
  const ca = a.column ?? 0;
  const cb = b.column ?? 0;
  if (ca !== cb) return ca - cb;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** Gives each finding with a line and no column the column of that line's first non-blank character. */
export function withColumns(findings: readonly Finding[], lines: readonly string[]): Finding[] {
  return findings.map((f) => {
    if (f.line === undefined || f.column !== undefined) return f;
    const text = lines[f.line - 1] ?? '';
    return { ...f, column: Math.max(0, text.search(/\S/)) + 1 };
  });
}
