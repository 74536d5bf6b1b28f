// The attacker's derivation of a secret as rows of a sequence chart: where in the trace it read each term it used
// (a mark on that step), then the analysis steps that lead to the secret, in the attacker's lane after the trace.
import type { SecretDerivation } from './Report.ts';

/** The lane the attacker's reads and derivations are drawn in. */
export const attackerLane = 'attacker';

/** Per trace step (from 1), the lines of a derivation that read a term after it, as `read <term>`. */
export function readsByStep(derivations: readonly SecretDerivation[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const d of derivations) {
    d.steps.forEach((line, i) => {
      const step = d.readAt?.[i];
      if (step === undefined || step === null) return;
      const lines = out.get(step) ?? [];
      if (!lines.includes(line)) out.set(step, [...lines, line]);
    });
  }
  return out;
}

/** The rows after the trace: for each secret a heading, then its derivation steps numbered. */
export function derivationRows(derivations: readonly SecretDerivation[]): { readonly text: string; readonly heading: boolean }[] {
  return derivations.flatMap((d) => [
    { text: `the attacker derives ${d.secret}:`, heading: true },
    ...d.steps.map((line, i) => ({ text: `${i + 1}. ${line}${d.readAt?.[i] ? ` (read after step ${d.readAt[i]})` : ''}`, heading: false })),
  ]);
}
