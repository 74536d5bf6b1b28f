// Whether the assumption a reduction was made on held (System.assumed, ExplorationStats.assumption), as the search's
// summary line says it.
import type { ExplorationStats } from '../engine/Verdict.ts';

/** '' when the system makes no such reduction. */
export function formatAssumption(assumption: ExplorationStats['assumption']): string {
  if (assumption === undefined) return '';
  switch (assumption.outcome) {
    case 'held':
      return `${assumption.name}: assumed, and held at every step`;
    case 'broken':
      return `${assumption.name}: assumed, broken (${assumption.brokenBy ?? 'a step'}), searched again without`;
    case 'not-made':
      return `${assumption.name}: not assumed on several threads`;
  }
}
