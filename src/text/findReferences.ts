// Finds the `[tx cmy]` cross-references of a TRE function text (TR 33.812 5.1.2: "tx means threat #x and
// cmy means counter-measure #y") in every form the texts use - lists `cm2, 3, 4`, ranges `cm 1 - 11` and
// `cm 1 through 11` - and records what is malformed about each, with the likely intended reading.
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
  | 'bad-range';

export interface ReferenceProblem {
  readonly code: ReferenceProblemCode;
  readonly message: string;
}

export interface Reference {
  readonly line: number;
  /** 1-based column of the reference's first character. */
  readonly column: number;
  /** The reference as written. */
  readonly raw: string;
  readonly segments: readonly ReferenceSegment[];
  readonly problems: readonly ReferenceProblem[];
}

type Token =
  | { kind: 't' | 'cm' | 'num'; value: number; text: string }
  | { kind: 'comma' | 'range' | 'dot' | 'and' | 'semi'; text: string };

const start = /\[\s*t\s*\d+|(?<![A-Za-z0-9])t\d+\s*,?\s*cm\s*\d/g;
const tokenPatterns: ReadonlyArray<readonly [Token['kind'], RegExp]> = [
  ['t', /^t\s*(\d+)/],
  ['cm', /^cm\s*(\d+)/i],
  ['num', /^(\d+)/],
  ['range', /^(?:-|through\b|to\b)/],
  ['comma', /^,/],
  ['and', /^and\b/],
  ['semi', /^;/],
  // A full stop separates only when more of the reference follows ("[t7 cm1. t8 cm6]"); otherwise it ends the sentence.
  ['dot', /^\.(?=\s*(?:t\s*\d|cm\s*\d))/],
];

export function findReferences(lines: readonly string[]): Reference[] {
  const out: Reference[] = [];
  lines.forEach((text, index) => {
    start.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = start.exec(text)) !== null) {
      const ref = readReference(text, m.index, index + 1);
      out.push(ref);
      start.lastIndex = m.index + Math.max(1, ref.raw.length);
    }
  });
  return out;
}

function readReference(text: string, at: number, line: number): Reference {
  let pos = at;
  const opened = text[pos] === '[';
  if (opened) pos += 1;
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
    const hit = tokenPatterns.map(([kind, re]) => [kind, re.exec(rest)] as const).find(([, r]) => r !== null);
    if (hit === undefined || hit[1] === null) break;
    const [kind, r] = hit;
    const value = r[1] === undefined ? undefined : Number(r[1]);
    tokens.push(value === undefined ? ({ kind, text: r[0] } as Token) : ({ kind, value, text: r[0] } as Token));
    pos += ws + r[0].length;
    end = pos;
  }
  // Trailing separators belong to the sentence, not the reference.
  while (tokens.length > 0 && !['t', 'cm', 'num'].includes(tokens[tokens.length - 1]?.kind ?? '')) {
    const dropped = tokens.pop();
    if (!closed && dropped !== undefined) end -= dropped.text.length;
  }
  const raw = text.slice(at, end).trimEnd();
  const { segments, problems } = interpret(tokens);
  if (!opened) problems.unshift({ code: 'missing-open-bracket', message: "no '[' before the reference" });
  if (!closed) problems.push({ code: 'unclosed-bracket', message: "no ']' after the reference" });
  return { line, column: at + 1, raw, segments, problems };
}

function interpret(tokens: readonly Token[]): { segments: ReferenceSegment[]; problems: ReferenceProblem[] } {
  const segments: Array<{ threat: number; from: number; to: number }> = [];
  const problems: ReferenceProblem[] = [];
  let threat: number | undefined;
  let threatHasCm = false;
  let separated = true;
  let pendingRange = false;
  const closeThreat = (): void => {
    if (threat !== undefined && !threatHasCm) problems.push({ code: 'threat-without-cm', message: `t${threat} names no counter-measure` });
  };
  const addCm = (value: number): void => {
    if (threat === undefined) {
      problems.push({ code: 'cm-without-threat', message: `cm${value} has no threat before it` });
      return;
    }
    const last = segments[segments.length - 1];
    if (pendingRange && last !== undefined && last.threat === threat) {
      if (value <= last.to) problems.push({ code: 'bad-range', message: `the range ${last.to} - ${value} is empty` });
      else last.to = value;
    } else segments.push({ threat, from: value, to: value });
    threatHasCm = true;
  };
  tokens.forEach((tok, i) => {
    const prev = tokens[i - 1];
    switch (tok.kind) {
      case 't':
        if (!separated) problems.push({ code: 'missing-comma', message: `no comma before t${tok.value}` });
        closeThreat();
        threat = tok.value;
        threatHasCm = false;
        separated = false;
        pendingRange = false;
        return;
      case 'cm':
        // "[t2, cm3]": the comma splits a threat from its own counter-measure.
        if (prev?.kind === 'comma' && tokens[i - 2]?.kind === 't' && !threatHasCm) {
          problems.push({ code: 'comma-between-threat-and-cm', message: `a comma separates t${threat} from cm${tok.value}` });
        } else if (!separated && prev?.kind !== 't' && !pendingRange) {
          problems.push({ code: 'missing-comma', message: `no comma before cm${tok.value}` });
        }
        addCm(tok.value);
        separated = false;
        pendingRange = false;
        return;
      case 'num':
        if (!separated && !pendingRange) problems.push({ code: 'missing-comma', message: `no comma before ${tok.value}` });
        if (threat !== undefined && !threatHasCm && !pendingRange) problems.push({ code: 'threat-without-cm', message: `t${threat} is followed by ${tok.value} without "cm"` });
        addCm(tok.value);
        separated = false;
        pendingRange = false;
        return;
      case 'range':
        if (prev === undefined || (prev.kind !== 'cm' && prev.kind !== 'num')) problems.push({ code: 'bad-range', message: `"${tok.text}" does not follow a counter-measure number` });
        pendingRange = true;
        separated = true;
        return;
      case 'comma':
      case 'and':
        separated = true;
        return;
      case 'dot':
      case 'semi':
        problems.push({ code: 'wrong-separator', message: `"${tok.text}" used as a separator where "," was meant` });
        separated = true;
        return;
    }
  });
  closeThreat();
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
