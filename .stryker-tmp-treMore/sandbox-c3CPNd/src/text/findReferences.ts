// Finds the `[tx cmy]` cross-references of a TRE function text (TR 33.812 5.1.2: "tx means threat #x and
// cmy means counter-measure #y") in every form the texts use - lists `cm2, 3, 4`, ranges `cm 1 - 11` and
// `cm 1 through 11` - and records what is malformed about each, with the likely intended reading.
// Nothing is dropped or normalised silently: any bracketed text with a threat or counter-measure mark that does
// not parse, an empty `[]`, doubled or nested brackets, and every character the reading passes over or reads as
// something else (a dangling "-", a doubled comma, "and", "#", "threat 6", a wrong bracket) come back as problems
// that name the column and the character seen.
export interface ReferenceSegment {
  readonly threat: number;
  readonly from: number;
  /** Equal to `from` for a single counter-measure. */
  readonly to: number;
}

export type ReferenceProblemCode =
  | 'comma-between-threat-and-cm'
  | 'threat-without-cm'
  | 'cm-without-threat'
  | 'missing-comma'
  | 'wrong-separator'
  | 'missing-open-bracket'
  | 'unclosed-bracket'
  | 'bad-range'
  | 'uppercase'
  | 'unknown-mark'
  | 'empty-brackets'
  | 'doubled-brackets'
  | 'nested-brackets'
  | 'split-across-lines'
  | 'duplicate'
  | 'unfinished-range'
  | 'doubled-separator'
  | 'trailing-separator'
  | 'extra-bracket'
  | 'wrong-bracket'
  | 'written-out-mark';

export interface ReferenceProblem {
  readonly code: ReferenceProblemCode;
  readonly message: string;
  /** A duplicate is untidy but names the right counter-measures: a note. Everything else is a defect. */
  readonly severity: 'defect' | 'note';
  /** 1-based column of the character the problem is about, when it is one place in the reference. */
  readonly column?: number;
}

export interface Reference {
  readonly line: number;
  /** 1-based column of the reference's first character. */
  readonly column: number;
  /** Last line of the reference: differs from `line` only for a reference split across a line break. */
  readonly endLine: number;
  /** The reference as written (a split one with its line break as a space). */
  readonly raw: string;
  readonly segments: readonly ReferenceSegment[];
  readonly problems: readonly ReferenceProblem[];
}

type Token =
  | { kind: 't' | 'cm' | 'num'; value: number; text: string; column: number }
  | { kind: 'comma' | 'range' | 'dot' | 'and' | 'semi' | 'other'; text: string; column: number };

/** A reference without its '[': "process t2 cm3, t3 cm4]" (000 line 74). */
const bareStart = /(?<![A-Za-z0-9])t\d+\s*,?\s*cm\s*\d/g;
/** A threat or counter-measure mark in any case: what makes bracketed text a reference rather than a citation ("[8]"). */
const mark = /(?<![A-Za-z])(?:t|cm?|threat|counter-?measure)\s*#?\s*\d/i;
const tokenPatterns: ReadonlyArray<readonly [Token['kind'], RegExp]> = [
  ['t', /^(?:threat|t)\s*#?\s*(\d+)/i],
  ['cm', /^(?:counter-?measure|cm)\s*#?\s*(\d+)/i],
  ['num', /^(\d+)/],
  ['range', /^(?:-|through\b|to\b)/i],
  ['comma', /^,/],
  ['and', /^and\b/i],
  ['semi', /^;/],
  // A full stop separates only when more of the reference follows ("[t7 cm1. t8 cm6]"); otherwise it ends the sentence.
  ['dot', /^\.(?=\s*(?:t\s*\d|cm\s*\d))/i],
];
/** Inside a closed bracket, any other word is read as an unknown mark ("c4" in "[t6 c4]") rather than ending the reference. */
const otherToken = /^[^\s,;\]]+/;

export function findReferences(lines: readonly string[]): Reference[] {
  const out: Reference[] = [];
  // Characters at the start of a line already read as the end of a reference split across the line break.
  let carry = 0;
  lines.forEach((text, index) => {
    let pos = carry;
    carry = 0;
    while (pos < text.length) {
      const open = text.indexOf('[', pos);
      bareStart.lastIndex = pos;
      const bare = bareStart.exec(text);
      if (open < 0 && bare === null) break;
      if (bare !== null && (open < 0 || bare.index < open)) {
        const ref = readTokens(text, bare.index, index + 1, false, false, 1);
        out.push(ref);
        pos = bare.index + Math.max(1, ref.raw.length);
        continue;
      }
      const found = readBracket(lines, index, open);
      if (found.ref !== undefined) out.push(found.ref);
      pos = found.next;
      carry = found.carry ?? 0;
    }
  });
  return out;
}

/** The bracket opened at `open` on line `index`: a balanced span on this line, one continued on the next line, or an unclosed one. */
function readBracket(lines: readonly string[], index: number, open: number): { ref: Reference | undefined; next: number; carry?: number } {
  const text = lines[index] ?? '';
  const line = index + 1;
  const close = balancedEnd(text, open);
  if (close !== undefined) {
    // "[t6 cm3]]": a second ']' right after the reference belongs to it.
    const extra = text[close + 1] === ']' && mark.test(text.slice(open, close));
    const problems: ReferenceProblem[] = extra ? [{ code: 'extra-bracket', message: `a second "]" at column ${close + 2}`, severity: 'defect', column: close + 2 }] : [];
    const ref = classifySpan(text.slice(open, close + 1), line, open + 1, line, problems);
    return { ref: ref === undefined || !extra ? ref : { ...ref, raw: `${ref.raw}]` }, next: close + (extra ? 2 : 1) };
  }
  // "[t6" at the end of a line and "cm4]" at the start of the next: one reference split by a line break.
  const next = lines[index + 1];
  const tail = text.slice(open);
  if (next !== undefined && mark.test(tail) && /^[\s\w,.;-]*$/.test(tail.slice(1))) {
    const end = balancedEnd(`${tail} ${next}`, 0);
    const head = next.slice(0, Math.max(0, (end ?? 0) - tail.length));
    if (end !== undefined && /^[\s\w,.;-]*\]$/.test(head) && head.length <= 40) {
      const split: ReferenceProblem = { code: 'split-across-lines', message: `the reference is split across a line break (lines ${line}-${line + 1})`, severity: 'defect' };
      const ref = classifySpan(`${tail.trimEnd()} ${head.trimStart()}`, line, open + 1, line + 1, [split]);
      return { ref, next: text.length, carry: head.length };
    }
  }
  if (!mark.test(text.slice(open, open + 12))) return { ref: undefined, next: open + 1 };
  const ref = readTokens(text, open, line, true, false, 1);
  return { ref, next: open + Math.max(1, ref.raw.length) };
}

/** Index of the ']' that closes the '[' at `open`, counting nested brackets; undefined when the line ends first. */
function balancedEnd(text: string, open: number): number | undefined {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    if (text[k] === '[') depth += 1;
    else if (text[k] === ']') {
      depth -= 1;
      if (depth === 0) return k;
    }
  }
  return undefined;
}

/** A closed span "[...]": a citation (no mark) is not a reference; everything with a mark, or empty, is read and judged. */
function classifySpan(span: string, line: number, column: number, endLine: number, extra: ReferenceProblem[]): Reference | undefined {
  const inner = span.slice(1, -1);
  if (inner.trim() === '') {
    return { line, column, endLine, raw: span, segments: [], problems: [{ code: 'empty-brackets', message: 'empty brackets: no threat or counter-measure inside', severity: 'defect' }] };
  }
  const problems = [...extra];
  let body = inner;
  if (inner.includes('[') || inner.includes(']')) {
    const doubled = /^\s*\[[^[\]]*\]\s*$/.test(inner);
    problems.push(
      doubled
        ? { code: 'doubled-brackets', message: 'doubled brackets "[[...]]"', severity: 'defect' }
        : { code: 'nested-brackets', message: 'a bracket inside the reference', severity: 'defect' },
    );
    body = inner.replace(/[[\]]/g, ' ');
  }
  if (!mark.test(body)) return problems.length > extra.length ? { line, column, endLine, raw: span, segments: [], problems } : undefined;
  const read = readTokens(`[${body}]`, 0, line, true, true, column);
  return { line, column, endLine, raw: span, segments: read.segments, problems: [...problems, ...read.problems] };
}

/**
 * Reads the tokens of a reference starting at `at`; `closedSpan` means the text is exactly one "[...]" span, so
 * unknown words are marks gone wrong. `base` is the line column of `text`'s first character.
 */
function readTokens(text: string, at: number, line: number, opened: boolean, closedSpan: boolean, base: number): Reference {
  let pos = opened ? at + 1 : at;
  const tokens: Token[] = [];
  let closed = false;
  let end = pos;
  for (;;) {
    const ws = /^\s*/.exec(text.slice(pos))?.[0].length ?? 0;
    const rest = text.slice(pos + ws);
    if (rest.startsWith(']')) {
      closed = true;
      end = pos + ws + 1;
      break;
    }
    const column = base + pos + ws;
    const hit = tokenPatterns.map(([kind, re]) => [kind, re.exec(rest)] as const).find(([, r]) => r !== null);
    let token: Token | undefined;
    if (hit !== undefined && hit[1] !== null) {
      const [kind, r] = hit;
      const value = r[1] === undefined ? undefined : Number(r[1]);
      token = value === undefined ? ({ kind, text: r[0], column } as Token) : ({ kind, value, text: r[0], column } as Token);
    } else if (closedSpan) {
      const other = otherToken.exec(rest)?.[0];
      if (other !== undefined) token = { kind: 'other', text: other, column };
    }
    if (token === undefined) break;
    tokens.push(token);
    pos += ws + token.text.length;
    end = pos;
  }
  // Trailing separators belong to the sentence, not the reference; inside a closed one they are reported.
  const trailing: Token[] = [];
  while (tokens.length > 0 && !['t', 'cm', 'num', 'other'].includes(tokens[tokens.length - 1]?.kind ?? '')) {
    const dropped = tokens.pop();
    if (dropped !== undefined) trailing.unshift(dropped);
    if (!closed && dropped !== undefined) end -= dropped.text.length;
  }
  // A wrong closing bracket: "[t2 cm3)" or "(t2 cm3)".
  const after = /^\s*([)}>])/.exec(text.slice(end));
  const wrongClose = !closed && after?.[1] !== undefined ? { char: after[1], column: base + end + (after[0].length - 1) } : undefined;
  if (wrongClose !== undefined) end += after?.[0].length ?? 0;
  const raw = text.slice(at, end).trimEnd();
  const { segments, problems } = interpret(tokens);
  if (closed) {
    for (const t of trailing) {
      problems.push({ code: t.kind === 'range' ? 'unfinished-range' : 'trailing-separator', message: `"${t.text}" at column ${t.column} before "]": nothing follows it`, severity: 'defect', column: t.column });
    }
  }
  if (!opened) {
    const before = /([({<])\s*$/.exec(text.slice(0, at));
    problems.unshift(
      before?.[1] !== undefined
        ? { code: 'wrong-bracket', message: `"${before[1]}" at column ${base + (before.index ?? 0)} where "[" was meant`, severity: 'defect', column: base + (before.index ?? 0) }
        : { code: 'missing-open-bracket', message: "no '[' before the reference", severity: 'defect' },
    );
  }
  if (wrongClose !== undefined) problems.push({ code: 'wrong-bracket', message: `"${wrongClose.char}" at column ${wrongClose.column} where "]" was meant`, severity: 'defect', column: wrongClose.column });
  else if (!closed) problems.push({ code: 'unclosed-bracket', message: "no ']' after the reference", severity: 'defect' });
  const capitals = tokens.filter((t) => (t.kind === 't' || t.kind === 'cm') && /^(?:T|CM|Cm|cM)\s*#?\s*\d/.test(t.text)).map((t) => t.text.replace(/\s+/g, ''));
  if (capitals.length > 0) {
    problems.unshift({ code: 'uppercase', message: `${capitals.map((c) => `"${c}"`).join(', ')} in capitals (the TR writes references in lower case)`, severity: 'defect' });
  }
  return { line, column: at + 1, endLine: line, raw, segments, problems };
}

function interpret(tokens: readonly Token[]): { segments: ReferenceSegment[]; problems: ReferenceProblem[] } {
  const segments: Array<{ threat: number; from: number; to: number }> = [];
  const problems: ReferenceProblem[] = [];
  const problem = (code: ReferenceProblemCode, message: string, column?: number): void =>
    void problems.push({ code, message, severity: 'defect', ...(column === undefined ? {} : { column }) });
  const at = (tok: Token): string => `"${tok.text}" at column ${tok.column}`;
  // The last range was closed by a number: a further "-" would continue it ("cm3 - 4 - 5").
  let rangeClosed = false;
  let threat: number | undefined;
  let threatHasCm = false;
  let separated = true;
  let pendingRange = false;
  const closeThreat = (): void => {
    if (threat !== undefined && !threatHasCm) problem('threat-without-cm', `t${threat} names no counter-measure`);
  };
  const addCm = (value: number): void => {
    if (threat === undefined) {
      problem('cm-without-threat', `cm${value} has no threat before it`);
      return;
    }
    const last = segments[segments.length - 1];
    if (pendingRange && last !== undefined && last.threat === threat) {
      if (value <= last.to) problem('bad-range', `the range ${last.to} - ${value} is empty`);
      else last.to = value;
    } else segments.push({ threat, from: value, to: value });
    threatHasCm = true;
  };
  tokens.forEach((tok, i) => {
    const prev = tokens[i - 1];
    // Forms read as something else: "t#6", "threat 6", "counter-measure 4".
    if ((tok.kind === 't' || tok.kind === 'cm') && !/^(?:t|cm)\s*\d+$/i.test(tok.text)) {
      const plain = `${tok.kind}${tok.value}`;
      if (/^(?:threat|counter)/i.test(tok.text)) problem('written-out-mark', `${at(tok)} is written out (the TR writes "${plain}")`, tok.column);
      else problem('unknown-mark', `"#" at column ${tok.column + tok.text.indexOf('#')} in "${tok.text}" (the TR writes "${plain}")`, tok.column + tok.text.indexOf('#'));
    }
    if (tok.kind === 'comma' && prev?.kind === 'range') problem('unfinished-range', `${at(prev)} is followed by ",", not a counter-measure number: an unfinished range`, prev.column);
    else if (tok.kind === 'comma' && (prev === undefined || prev.kind === 'comma')) {
      problem('doubled-separator', prev === undefined ? `${at(tok)} before anything it separates` : `${at(tok)} follows "${prev.text}" at column ${prev.column}`, tok.column);
    }
    switch (tok.kind) {
      case 't':
        if (pendingRange && prev?.kind === 'range') problem('unfinished-range', `${at(prev)} is followed by t${tok.value}, not a counter-measure number: an unfinished range`, prev.column);
        if (!separated) problem('missing-comma', `no comma before t${tok.value}`);
        closeThreat();
        threat = tok.value;
        threatHasCm = false;
        separated = false;
        pendingRange = false;
        return;
      case 'cm':
        rangeClosed = false;
        // "[t2, cm3]": the comma splits a threat from its own counter-measure.
        if (prev?.kind === 'comma' && tokens[i - 2]?.kind === 't' && !threatHasCm) {
          problem('comma-between-threat-and-cm', `a comma separates t${threat} from cm${tok.value}`);
        } else if (!separated && prev?.kind !== 't' && !pendingRange) {
          problem('missing-comma', `no comma before cm${tok.value}`);
        }
        addCm(tok.value);
        separated = false;
        pendingRange = false;
        return;
      case 'num':
        if (!separated && !pendingRange) problem('missing-comma', `no comma before ${tok.value}`);
        if (threat !== undefined && !threatHasCm && !pendingRange) problem('threat-without-cm', `t${threat} is followed by ${tok.value} without "cm"`);
        rangeClosed = pendingRange;
        addCm(tok.value);
        separated = false;
        pendingRange = false;
        return;
      case 'range': {
        if (prev === undefined || (prev.kind !== 'cm' && prev.kind !== 'num')) problem('bad-range', `${at(tok)} does not follow a counter-measure number`, tok.column);
        else if (rangeClosed) {
          const last = segments[segments.length - 1];
          problem('bad-range', `a second ${at(tok)} continues the range ${last?.from} - ${last?.to}`, tok.column);
        }
        if (/^to$/i.test(tok.text)) problem('wrong-separator', `${at(tok)} used for a range where "-" was meant`, tok.column);
        rangeClosed = false;
        pendingRange = true;
        separated = true;
        return;
      }
      case 'comma':
        rangeClosed = false;
        pendingRange = false;
        separated = true;
        return;
      case 'and':
      case 'dot':
      case 'semi':
        rangeClosed = false;
        problem('wrong-separator', `${at(tok)} used as a separator where "," was meant`, tok.column);
        separated = true;
        return;
      case 'other': {
        // "[t6 c4]": a counter-measure mark with a letter missing; read it as meant, and say what is wrong.
        const cm = /^c(?:n|m{2,})?(\d+)$/i.exec(tok.text)?.[1];
        if (cm !== undefined && threat !== undefined) {
          problem('unknown-mark', `${at(tok)} is not a counter-measure mark ("cm${cm}" was likely meant)`, tok.column);
          addCm(Number(cm));
        } else problem('unknown-mark', `${at(tok)} is neither a threat ("t") nor a counter-measure ("cm") mark`, tok.column);
        separated = false;
        pendingRange = false;
        return;
      }
    }
  });
  closeThreat();
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { threat: t, cm } of expandSegments(segments)) {
    const key = `t${t} cm${cm}`;
    if (seen.has(key)) twice.add(key);
    seen.add(key);
  }
  if (twice.size > 0) problems.push({ code: 'duplicate', message: `${[...twice].join(', ')} cited twice`, severity: 'note' });
  return { segments, problems };
}

/** The canonical form of a reading: "[t1 cm1, t2 cm3]", lists and ranges kept as segments. */
export function renderReference(segments: readonly ReferenceSegment[]): string {
  const groups: string[] = [];
  let i = 0;
  while (i < segments.length) {
    const threat = segments[i]?.threat;
    const parts: string[] = [];
    while (i < segments.length && segments[i]?.threat === threat) {
      const s = segments[i];
      if (s !== undefined) parts.push(s.from === s.to ? `${s.from}` : `${s.from} - ${s.to}`);
      i += 1;
    }
    groups.push(`t${threat} cm${parts.join(', ')}`);
  }
  return `[${groups.join(', ')}]`;
}

/** Every (threat, counter-measure) a reading names, ranges expanded. */
export function expandSegments(segments: readonly ReferenceSegment[]): Array<{ threat: number; cm: number }> {
  return segments.flatMap((s) => Array.from({ length: s.to - s.from + 1 }, (_, k) => ({ threat: s.threat, cm: s.from + k })));
}
