// The Word export of the TR lays a table out as one cell per line, table cells indented with a tab: the
// cells of a clause are its non-empty lines, each with its line number.

export interface TableCell {
  readonly text: string;
  /** 1-based line number. */
  readonly line: number;
  /** The line starts with a tab: a table cell rather than running text. */
  readonly tab: boolean;
}

/** Non-empty lines after line `after` and before line `before` (1-based), trimmed. */
export function tableCells(lines: readonly string[], after: number, before: number): TableCell[] {
  const out: TableCell[] = [];
  for (let n = after + 1; n < before; n++) {
    const raw = lines[n - 1] ?? '';
    if (raw.trim() !== '') out.push({ text: raw.trim(), line: n, tab: raw.startsWith('\t') });
  }
  return out;
}
