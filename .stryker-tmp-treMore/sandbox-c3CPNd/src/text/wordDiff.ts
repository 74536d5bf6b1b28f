// A word-level diff of two sentences, git's --word-diff style: "A {-TE is-}{+TRE should be+} a separate area".
// Words equal after the TR's renamings (MID/MCIM, TE/TRE) count as equal, so renamings do not show.
import { canonicalWords } from './canonicalWords.ts';

export function wordDiff(oldText: string, newText: string): string {
  const a = oldText.split(/\s+/).filter(Boolean);
  const b = newText.split(/\s+/).filter(Boolean);
  const key = (w: string): string => canonicalWords(w, true).join(' ') || w;
  const ka = a.map(key);
  const kb = b.map(key);
  // Longest common subsequence table, filled from the end.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] = ka[i] === kb[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const out: string[] = [];
  let del: string[] = [];
  let ins: string[] = [];
  const flush = (): void => {
    if (del.length > 0) out.push(`{-${del.join(' ')}-}`);
    if (ins.length > 0) out.push(`{+${ins.join(' ')}+}`);
    del = [];
    ins = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && ka[i] === kb[j]) {
      flush();
      out.push(b[j] ?? '');
      i += 1;
      j += 1;
    } else if (j < b.length && (i >= a.length || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) {
      ins.push(b[j] ?? '');
      j += 1;
    } else {
      del.push(a[i] ?? '');
      i += 1;
    }
  }
  flush();
  return out.join(' ');
}
