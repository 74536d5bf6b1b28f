// A lexical index of the counter-measures of Alternative 1 of a threat analysis (TR 33.812 7.1.2.1), for the
// meaning check of `[tx cmy]` references: TF-IDF vectors over the analysis's own vocabulary, compared by cosine.
// TF-IDF (Salton and Buckley, "Term-weighting approaches in automatic text retrieval", 1988): a word counts for
// more the fewer counter-measures use it, so "registry" says more about a sentence than "TRE" does.
import { meaningWords } from './meaningWords.ts';
import type { ThreatAnalysis } from './ThreatAnalysis.ts';

export interface IndexedCounterMeasure {
  /** `t5.cm3` */
  readonly key: string;
  readonly threat: number;
  readonly number: number;
  readonly line: number;
  /** The counter-measure's text as the analysis states it. */
  readonly text: string;
  /** Its threat's description: the context a short counter-measure ("A TRE should support and enforce its own security policy") is read in. */
  readonly threatText: string;
}

export interface CounterMeasureIndex {
  readonly origin: string;
  readonly entries: readonly IndexedCounterMeasure[];
  /** Cosine similarity, 0-1, of a text to every counter-measure, in entry order. */
  similarities(text: string): number[];
  /** The same, each counter-measure read with its threat's description (at `threatWeight` of its own words). */
  similaritiesInContext(text: string): number[];
}

/** How much a threat's description counts beside its counter-measure's own words, chosen on the tuning copies (docs/text-tools.md). */
export const threatWeight = 0.5;

type Vector = ReadonlyMap<string, number>;

/** Undefined when the analysis has no Alternative 1 with counter-measures. */
export function buildCounterMeasureIndex(analysis: ThreatAnalysis): CounterMeasureIndex | undefined {
  const alt = analysis.alternatives.find((a) => a.id === '1' && a.threats.length > 0);
  if (alt === undefined) return undefined;
  const entries = alt.threats.flatMap((t) =>
    t.counterMeasures
      .filter((c) => !c.isVoid)
      .map((c) => ({ key: `t${t.number}.cm${c.number}`, threat: t.number, number: c.number, line: c.line, text: c.text, threatText: t.description })),
  );
  const docs = entries.map((e) => counts(meaningWords(e.text)));
  const df = new Map<string, number>();
  for (const d of docs) for (const w of d.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  // Smoothed inverse document frequency; a word in every counter-measure still weighs a little.
  const idf = new Map([...df].map(([w, n]) => [w, Math.log((1 + entries.length) / n)]));
  const vectors = docs.map((d) => weigh(d, idf));
  const threatVectors = entries.map((e, i) => {
    const context = new Map(docs[i]);
    for (const [w, n] of counts(meaningWords(e.threatText))) context.set(w, (context.get(w) ?? 0) + threatWeight * n);
    return weigh(context, idf);
  });
  const query = (text: string): Vector => weigh(counts(meaningWords(text)), idf);
  return {
    origin: analysis.file,
    entries,
    similarities: (text) => {
      const q = query(text);
      return vectors.map((v) => cosine(q, v));
    },
    similaritiesInContext: (text) => {
      const q = query(text);
      return threatVectors.map((v) => cosine(q, v));
    },
  };
}

function counts(words: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** Sublinear term frequency (a fractional count, a context word, weighs its fraction) times idf, unit length; words outside the analysis's vocabulary are dropped. */
function weigh(tf: ReadonlyMap<string, number>, idf: ReadonlyMap<string, number>): Vector {
  const v = new Map<string, number>();
  for (const [w, n] of tf) {
    const i = idf.get(w);
    if (i !== undefined && i > 0) v.set(w, (n >= 1 ? 1 + Math.log(n) : n) * i);
  }
  const norm = Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));
  if (norm > 0) for (const [w, x] of v) v.set(w, x / norm);
  return v;
}

function cosine(a: Vector, b: Vector): number {
  let s = 0;
  for (const [w, x] of a) s += x * (b.get(w) ?? 0);
  return s;
}
