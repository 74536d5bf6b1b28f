// Cuts the TRE function text of a TR version into requirement sentences: the clauses titled "Trusted
// Environment" or "... Functions of a TRE/TE" and their subclauses, without headings, notes, editor's notes
// or the "Notes" clause. Falls back to the whole text when no such clause exists (or when asked to).
import { findHeadings, isWithin, type Heading } from './findHeadings.ts';
import { keysOf } from './counterMeasureKeys.ts';
import { findReferences } from './findReferences.ts';
import { changeMarker } from './changeMarker.ts';
import type { Requirement } from './Requirement.ts';
import type { SourceText } from './SourceText.ts';

export interface RequirementText {
  readonly file: string;
  /** Lines [from, to] the sentences were taken from, one range per clause group. */
  readonly scope: ReadonlyArray<readonly [number, number]>;
  /** True when the text has no TRE function clause and the whole text was used. */
  readonly wholeText: boolean;
  readonly requirements: readonly Requirement[];
  /** Clauses whose text stops at a contribution's change marker ("**** End of the First change ****"): a pCR may
   *  quote a clause only up to its change, so what another version has after that point was not quoted here. */
  readonly cuts: ReadonlyArray<{ readonly section: string; readonly line: number; readonly marker: string }>;
}

const treTitle = /Trusted Environment|\b(?:TRE|TE|TrE)\b.*\bFunctions\b|\bFunctions\b.*\b(?:TRE|TE|TrE)\b/;
const noteStart = /^\s*(?:Editor'?s?'?\s*note|NOTE|Note)\s*\d*\s*:?/i;
const bullet = /^\s*(?:[·•\-]|\d+\.|[a-z]\))\s/;
/** Abbreviations whose full stop does not end a sentence. */
const abbreviation = /\b(?:e\.g|i\.e|etc|cf|vs|incl|approx|No|Fig|e\.g,)\.$/i;

export function extractRequirements(source: SourceText, wholeText = false): RequirementText {
  const { lines } = source;
  const headings = findHeadings(lines);
  const scoped = wholeText ? [] : treScope(lines, headings);
  const scope = scoped.map((r): [number, number] => [r[0], r[1]]);
  const whole = scope.length === 0;
  const ranges: Array<[number, number]> = whole ? [[1, lines.length]] : scope;
  const headingLines = new Set<number>();
  for (const h of headings) {
    headingLines.add(h.line);
    // The title is on the next non-empty line when the number stands alone.
    for (let n = h.line + 1; n <= h.line + 3 && n <= lines.length; n++) {
      if ((lines[n - 1] ?? '').trim() === h.title) {
        headingLines.add(n);
        break;
      }
    }
  }
  const requirements: Requirement[] = [];
  let paragraphCount = 0;
  for (const [from, to] of ranges) {
    let paragraph: Array<{ line: number; column: number; text: string }> = [];
    let section = headings.filter((h) => h.line <= from).pop()?.title ?? '';
    let skipping = false;
    let inNote = false;
    const flush = (): void => {
      if (paragraph.length > 0 && !skipping) requirements.push(...sentences(paragraph, section, paragraphCount++));
      paragraph = [];
    };
    for (let n = from; n <= to; n++) {
      const raw = lines[n - 1] ?? '';
      const heading = headings.find((h) => h.line === n);
      if (heading !== undefined) {
        flush();
        section = heading.title;
        skipping = /^Notes\b/i.test(heading.title);
        inNote = false;
        continue;
      }
      if (headingLines.has(n) || changeMarker.test(raw)) {
        flush();
        continue;
      }
      if (raw.trim() === '') {
        flush();
        continue;
      }
      if (noteStart.test(raw)) {
        flush();
        // "NOTE:" alone on its line: the note's text is the next non-empty line (one Word paragraph).
        inNote = raw.replace(noteStart, '').trim() === '';
        continue;
      }
      if (inNote) {
        inNote = false;
        continue;
      }
      const onlyReference = /^\s*[.,;]?\s*\[[^\]]*\]\s*[.,;]?\s*$/.test(raw);
      if (bullet.test(raw) && !onlyReference) flush();
      paragraph.push({ line: n, column: raw.length - raw.trimStart().length + 1, text: raw.trim() });
    }
    flush();
  }
  const cuts = scoped.flatMap(([from, to, marker]) => {
    if (marker === undefined) return [];
    const last = requirements.filter((r) => r.line >= from && r.line <= to).pop();
    return last === undefined ? [] : [{ section: last.section, line: marker, marker: (lines[marker - 1] ?? '').trim() }];
  });
  return { file: source.name, scope: ranges, wholeText: whole, requirements, cuts };
}

/** The TRE clause ranges; the third number is the line of the change marker that ended one, when one did. */
function treScope(lines: readonly string[], headings: readonly Heading[]): Array<[number, number, number?]> {
  const ranges: Array<[number, number]> = [];
  let root: Heading | undefined;
  const close = (end: number): void => {
    if (root !== undefined) ranges.push([root.line, end]);
    root = undefined;
  };
  for (const h of headings) {
    if (root !== undefined && !isWithin(h.number, root.number)) close(h.line - 1);
    if (root === undefined && treTitle.test(h.title)) root = h;
  }
  close(lines.length);
  // A contribution's change marker ("** end of changes**") also ends the clause.
  return ranges.map(([from, to]): [number, number, number?] => {
    const marker = lines.findIndex((l, i) => i + 1 > from && i + 1 <= to && changeMarker.test(l));
    return marker >= 0 ? [from, marker, marker + 1] : [from, to];
  });
}

/** Splits a paragraph into sentences, each with the line it starts on; a sentence that is only a reference joins the one before. */
function sentences(paragraph: ReadonlyArray<{ line: number; column: number; text: string }>, section: string, paragraphNumber: number): Requirement[] {
  let text = '';
  const lineAt: number[] = [];
  const columnAt: number[] = [];
  for (const p of paragraph) {
    if (text !== '') {
      text += ' ';
      lineAt.push(p.line);
      columnAt.push(p.column);
    }
    text += p.text;
    for (let k = 0; k < p.text.length; k++) {
      lineAt.push(p.line);
      columnAt.push(p.column + k);
    }
  }
  const pieces: Array<{ start: number; text: string }> = [];
  let start = 0;
  // A sentence ends at a full stop, or at a reference followed by a capital ("...state. [t6 cm5] A TRE should").
  const boundary = /(?:[.!?]["')\]]?|\[[^\]]*\bt\s*\d+[^\]]*\])\s+(?=["(\[]?[A-Z[])/g;
  let m: RegExpExecArray | null;
  while ((m = boundary.exec(text)) !== null) {
    const end = m.index + m[0].trimEnd().length;
    if (abbreviation.test(text.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
    pieces.push({ start, text: text.slice(start, end) });
    start = m.index + m[0].length;
  }
  if (start < text.length) pieces.push({ start, text: text.slice(start) });
  const out: Array<{ start: number; end: number; text: string }> = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (/^\s*\[[^\]]*\]\s*[.,;]?\s*$/.test(p.text) && last !== undefined) {
      last.text = `${last.text} ${p.text}`;
      last.end = p.start + p.text.length;
    } else if (p.text.trim() !== '') out.push({ ...p, end: p.start + p.text.length });
  }
  return out.map((p) => {
    const lead = p.text.length - p.text.trimStart().length;
    // Positions come from the paragraph text itself, so a reference's column is the one an editor sees.
    const references = findReferences([text.slice(p.start, p.end)]).map((r) => {
      const at = p.start + r.column - 1;
      return { line: lineAt[at] ?? 0, column: columnAt[at] ?? 1, raw: r.raw, counterMeasures: keysOf(r.segments) };
    });
    return {
      line: lineAt[p.start + lead] ?? paragraph[0]?.line ?? 0,
      column: columnAt[p.start + lead] ?? 1,
      paragraph: paragraphNumber,
      section,
      text: p.text.trim(),
      counterMeasures: keysOf(findReferences([p.text]).flatMap((r) => r.segments)),
      references,
    };
  });
}
