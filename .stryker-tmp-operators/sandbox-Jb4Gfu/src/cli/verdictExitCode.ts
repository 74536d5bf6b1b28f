// One exit code for a set of verdicts: per property the strongest finding over all searches, then
// violated (1) before inconclusive (3) before not-a-proof (4) before holds (0).
import type { Verdict } from '../engine/Verdict.ts';
import { ExitCode } from './exitCodes.ts';

const strength: Record<Verdict['kind'], number> = { violated: 3, 'holds-exhaustively': 2, 'no-violation-found': 1, inconclusive: 0 };

export function verdictExitCode(verdicts: ReadonlyArray<{ readonly property: string; readonly verdict: Verdict }>): ExitCode {
  const best = new Map<string, Verdict['kind']>();
  for (const { property, verdict } of verdicts) {
    const known = best.get(property);
    if (known === undefined || strength[verdict.kind] > strength[known]) best.set(property, verdict.kind);
  }
  const kinds = [...best.values()];
  if (kinds.includes('violated')) return ExitCode.violated;
  if (kinds.includes('inconclusive')) return ExitCode.inconclusive;
  if (kinds.includes('no-violation-found')) return ExitCode.noViolationFound;
  return ExitCode.ok;
}
