// The comparison's searches as the one report model (src/report/Report.ts), so SARIF and the baseline read them
// as they read `trecheck check`'s: each scenario with its system (1a or 3a) and its properties' verdicts.
import { ALT3A_SYSTEM_NAME } from '../../../models/alt3a/alt3aSystem.ts';
import { collectProvenance } from '../../report/collectProvenance.ts';
import { reportFromCheck } from '../../report/fromCheck.ts';
import type { Report } from '../../report/Report.ts';
import type { Check3aResult } from './runSuite3a.ts';

/** `a3`: Alternative 3a's scenarios (their system is named for replay); the rest are 1a's. */
export function reportOfRuns(a1: readonly Check3aResult[], a3: readonly Check3aResult[], options: Readonly<Record<string, unknown>>): Report {
  const report = reportFromCheck({ checks: [...a1, ...a3], provenance: collectProvenance(options) });
  const names3a = new Set(a3.map((c) => c.config.name));
  return { ...report, scenarios: report.scenarios.map((s) => (names3a.has(s.id) ? { ...s, system: ALT3A_SYSTEM_NAME } : s)) };
}
