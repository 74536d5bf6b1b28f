// The cells of an ablation run: per threat scenario, the baseline (every switch on) and each switch off in turn;
// with --pairs, every pair of switches where a property holds against every single switch; with --trust, each role
// of the trust model made dishonest (and the 5.1.3.4.3 variant where the DPF generates the credentials).
import { insiderRoles } from '../../../models/attacker/capabilities.ts';
import { switchIds } from '../../../models/counterMeasures/switches.ts';
import { threatSuite } from '../../../properties/threats/threatSuite.ts';
import type { CellResult, CellSpec } from './AblationCell.ts';

export const scenarios = threatSuite.flatMap((t) => t.scenarios.map((s) => ({ name: s.name ?? '', threat: t.threat })));

export function singleCells(): CellSpec[] {
  return scenarios.flatMap(({ name, threat }) => [
    { scenario: name, threat, off: [] },
    ...switchIds.map((id): CellSpec => ({ scenario: name, threat, off: [id] })),
  ]);
}

/** Properties of a scenario that hold with every switch on and against every single switch off. */
export function unbrokenBySingles(scenario: string, singles: readonly CellResult[]): string[] {
  const cells = singles.filter((c) => c.spec.scenario === scenario && c.spec.dishonest === undefined);
  const base = cells.find((c) => c.spec.off.length === 0);
  if (base === undefined) return [];
  return base.verdicts
    .filter((v) => v.kind === 'holds-exhaustively' && cells.every((c) => c.verdicts.find((x) => x.property === v.property)?.kind !== 'violated'))
    .map((v) => v.property);
}

export function pairCells(singles: readonly CellResult[]): CellSpec[] {
  const out: CellSpec[] = [];
  for (const { name, threat } of scenarios) {
    if (unbrokenBySingles(name, singles).length === 0) continue;
    for (let a = 0; a < switchIds.length; a++) {
      for (let b = a + 1; b < switchIds.length; b++) out.push({ scenario: name, threat, off: [switchIds[a]!, switchIds[b]!] });
    }
  }
  return out;
}

export function trustCells(): CellSpec[] {
  return scenarios.flatMap(({ name, threat }) => [
    ...insiderRoles.map((role): CellSpec => ({ scenario: name, threat, off: [], dishonest: role })),
    { scenario: name, threat, off: [], dishonest: 'ro', dpfGeneratesCredentials: true },
  ]);
}
