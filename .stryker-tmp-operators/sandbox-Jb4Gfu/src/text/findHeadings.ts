// Finds the clause headings of a TR text: a clause number alone on a line with the title on the next
// non-empty line (the seeds' Word export), or number and title on one line ("5.1.1.1.1 General Functions").
export interface Heading {
  /** Line of the clause number (1-based). */
  readonly line: number;
  /** "7.1.2.1"; a top-level clause is "7". */
  readonly number: string;
  readonly title: string;
}

// No leading tab: a tab-indented number is a table cell (the summary tables of clause 7), not a clause.
const numberAlone = /^ ?(\d+(?:\.\d+)*)\s*$/;
const numberAndTitle = /^\s*(\d+(?:\.\d+)+)\s+([A-Z][^.]{1,120})$/;

export function findHeadings(lines: readonly string[]): Heading[] {
  const headings: Heading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const alone = numberAlone.exec(text);
    if (alone?.[1] !== undefined) {
      // A bare number is a heading only if a title follows; in the seeds the title is on the next line
      // (one blank line at most) and does not start like a sentence of a list.
      const j = nextNonEmpty(lines, i + 1, 2);
      const title = j === undefined ? undefined : (lines[j] ?? '').trim();
      if (title !== undefined && /^[A-Z]/.test(title) && title.length <= 140 && !/^\d/.test(title)) {
        headings.push({ line: i + 1, number: alone[1], title: title.replace(/\s+$/, '') });
      }
      continue;
    }
    const inline = numberAndTitle.exec(text);
    if (inline?.[1] !== undefined && inline[2] !== undefined) {
      headings.push({ line: i + 1, number: inline[1], title: inline[2].trim() });
    }
  }
  return headings;
}

function nextNonEmpty(lines: readonly string[], from: number, maxSkip: number): number | undefined {
  for (let j = from; j < lines.length && j <= from + maxSkip; j++) {
    if ((lines[j] ?? '').trim() !== '') return j;
  }
  return undefined;
}

/** True when `inner` is `outer` or one of its subclauses ("7.1.2.1.3" is within "7.1.2.1"). */
export const isWithin = (inner: string, outer: string): boolean => inner === outer || inner.startsWith(`${outer}.`);
