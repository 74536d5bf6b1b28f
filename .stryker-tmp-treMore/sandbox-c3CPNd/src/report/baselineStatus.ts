// How a property or text finding stands against the baseline, for the human-readable reports and SARIF.
import type { BaselineComparison } from './compareBaseline.ts';
import { findingSlot, type ReportFinding } from './reportFindings.ts';

export type BaselineStatus = 'known' | 'new' | 'changed' | undefined;

export function baselineStatus(comparison: BaselineComparison | undefined, f: Omit<ReportFinding, 'kind'>): BaselineStatus {
  if (comparison === undefined) return undefined;
  const slot = findingSlot(f);
  if (comparison.known.some((k) => findingSlot(k) === slot)) return 'known';
  if (comparison.changed.some((c) => findingSlot(c.now) === slot)) return 'changed';
  if (comparison.new.some((k) => findingSlot(k) === slot)) return 'new';
  return undefined;
}
