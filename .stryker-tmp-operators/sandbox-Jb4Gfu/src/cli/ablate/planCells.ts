// The cells of an ablation run: per threat scenario, the baseline (every switch on) and each switch off in turn;
// with --pairs, every pair of switches where a property holds against every single switch; with --trust, each role
// of the trust model made dishonest (and the 5.1.3.4.3 variant where the DPF generates the credentials).
import { insiderRoles } from '../../../models/attacker/capabilities.ts';
import { switchIds, switches, type SwitchId } from '../../../models/counterMeasures/switches.ts';
import { threatSuite } from '../../../properties/threats/threatSuite.ts';
import type { CellResult, CellSpec } from './AblationCell.ts';

/** What an ablation covers: some threats (all by default), their scenarios, and the switches of those threats. */
export interface AblationScope {
  readonly threats: readonly number[];
  readonly scenarios: readonly { readonly name: string; readonly threat: number }[];
  readonly switches: readonly SwitchId[];
}

export function scopeOf(threats: readonly number[] | undefined): AblationScope {
  const chosen = threatSuite.filter((t) => threats === undefined || threats.includes(t.threat));
  const numbers = chosen.map((t) => t.threat);
  const threatOf = (id: string): number => Number(/^t(\d+)\./.exec(id)?.[1]);
  return {
    threats: numbers,
    scenarios: chosen.flatMap((t) => t.scenarios.map((s) => ({ name: s.name ?? '', threat: t.threat }))),
    switches: threats === undefined ? switchIds : switches.filter((s) => [s.id, ...s.aliases].some((id) => numbers.includes(threatOf(id)))).map((s) => s.id),
  };
}

export function singleCells(scope: AblationScope): CellSpec[] {
  return scope.scenarios.flatMap(({ name, threat }) => [
    { scenario: name, threat, off: [] },
    ...scope.switches.map((id): CellSpec => ({ scenario: name, threat, off: [id] })),
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

export function pairCells(scope: AblationScope, singles: readonly CellResult[]): CellSpec[] {
  const out: CellSpec[] = [];
  const ids = scope.switches;
  for (const { name, threat } of scope.scenarios) {
    if (unbrokenBySingles(name, singles).length === 0) continue;
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) out.push({ scenario: name, threat, off: [ids[a]!, ids[b]!] });
    }
  }
  return out;
}

export function trustCells(scope: AblationScope): CellSpec[] {
  return scope.scenarios.flatMap(({ name, threat }) => [
    ...insiderRoles.map((role): CellSpec => ({ scenario: name, threat, off: [], dishonest: role })),
    { scenario: name, threat, off: [], dishonest: 'ro', dpfGeneratesCredentials: true },
  ]);
}
