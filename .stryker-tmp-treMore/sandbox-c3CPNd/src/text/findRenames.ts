// Names the renamings between two wordings of a sentence ("MID -> MCIM", "download and provisioning
// service -> DPF"): the word runs that differ in spelling but are the same after the TR's renamings.
import { canonicalWords } from './canonicalWords.ts';

export interface Rename {
  readonly from: string;
  readonly to: string;
}

export function findRenames(oldText: string, newText: string): Rename[] {
  return replacedRuns(oldText, newText).filter((r) => r.same).map(({ from, to }) => ({ from, to }));
}

/** Every run of words replaced by another between two wordings; `same` when the TR's renamings make them one. */
export function replacedRuns(oldText: string, newText: string): Array<Rename & { readonly same: boolean }> {
  const strip = (t: string): string[] => t.replace(/\[[^\]]*\]?/g, ' ').split(/\s+/).map((w) => w.replace(/^[("']+|[)"'.,;:]+$/g, '')).filter(Boolean);
  const a = strip(oldText);
  const b = strip(newText);
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] = a[i] === b[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const out: Array<Rename & { same: boolean }> = [];
  let del: string[] = [];
  let ins: string[] = [];
  const flush = (): void => {
    const same = (x: string[], y: string[]): boolean => canonicalWords(x.join(' '), true).join(' ') === canonicalWords(y.join(' '), true).join(' ');
    if (del.length > 0 && ins.length > 0) out.push({ ...singular(del.join(' '), ins.join(' ')), same: same(del, ins) });
    else if (del.length > 0 || ins.length > 0) out.push({ from: del.join(' '), to: ins.join(' '), same: false });
    del = [];
    ins = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      i += 1;
      j += 1;
    } else if (j < b.length && (i >= a.length || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) ins.push(b[j++] ?? '');
    else del.push(a[i++] ?? '');
  }
  flush();
  return out;
}

/** "MIDs -> MCIMs" is the same renaming as "MID -> MCIM". */
function singular(from: string, to: string): Rename {
  const one = (w: string): string => (/ies$/.test(w) ? `${w.slice(0, -3)}y` : w.slice(0, -1));
  return /[^s]s$/.test(from) && /[^s]s$/.test(to) ? { from: one(from), to: one(to) } : { from, to };
}
