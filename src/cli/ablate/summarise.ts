// From the cells to the conclusions: the matrix, which switch is necessary (its removal gives an attack) or
// redundant in the model, what each threat's counter-measures come to, suspect properties, and the text's view.
import { isLiveness } from '../../engine/LivenessProperty.ts';
import { coverageOf } from '../../../properties/catalogue/coverage.ts';
import { combinationOnlyProperties, mutationOnlyProperties, redundancyReasons } from '../../../models/counterMeasures/redundancy.ts';
import { switches } from '../../../models/counterMeasures/switches.ts';
import { counterMeasureCatalogue } from '../../../properties/catalogue/counterMeasureCatalogue.ts';
import { threatSuite } from '../../../properties/threats/threatSuite.ts';
import { spaceWasReduced } from '../../engine/ReductionStats.ts';
import { threatHeading } from '../check/formatCheck.ts';
import { cellLabel, type CellResult, type CellSpec } from './AblationCell.ts';
import { ablationFormat, type AblationReport, type MatrixEntry, type SwitchConclusion } from './AblationReport.ts';
import { unbrokenBySingles, type AblationScope } from './planCells.ts';

export interface SummariseInput {
  readonly scope: AblationScope;
  readonly singles: readonly CellResult[];
  readonly pairs?: readonly CellResult[];
  readonly trust?: readonly CellResult[];
  readonly traceFile: (cell: CellSpec, property: string) => string;
  /** Counter-measure ids the TRE text references (xref), when a text was read. */
  readonly referenced?: { readonly file: string; readonly ids: ReadonlySet<string> };
  readonly maxStates: number;
  readonly maxMemory?: number;
  readonly millis: number;
}


const verdictOf = (cell: CellResult, property: string) => cell.verdicts.find((v) => v.property === property);
const baselineOf = (cells: readonly CellResult[], scenario: string) => cells.find((c) => c.spec.scenario === scenario && c.spec.off.length === 0 && c.spec.dishonest === undefined);

/** The entry of (cells differing from the baseline in one way) x property. */
function entry(cells: readonly CellResult[], baselines: readonly CellResult[], property: string, traceFile: SummariseInput['traceFile']): MatrixEntry {
  const checking = cells.filter((c) => verdictOf(c, property) !== undefined);
  if (checking.length === 0) return { result: 'not-checked' };
  const live = checking.filter((c) => verdictOf(baselineOf(baselines, c.spec.scenario)!, property)?.kind !== 'violated');
  if (live.length === 0) return { result: 'finding' };
  const attacks = live.filter((c) => verdictOf(c, property)!.kind === 'violated').sort((a, b) => verdictOf(a, property)!.steps! - verdictOf(b, property)!.steps!);
  const best = attacks[0];
  if (best !== undefined) {
    const v = verdictOf(best, property)!;
    return { result: 'violated', steps: v.steps!, scenario: best.spec.scenario, trace: traceFile(best.spec, property), replayed: v.replayed === true };
  }
  const open = live.find((c) => verdictOf(c, property)!.kind === 'inconclusive');
  if (open !== undefined) return { result: 'inconclusive', scenario: open.spec.scenario };
  return { result: 'holds', scenarios: live.length, states: live.reduce((n, c) => n + c.states, 0) };
}

function conclusions(matrix: AblationReport['matrix'], scope: AblationScope, properties: readonly string[]): SwitchConclusion[] {
  return switches.filter((s) => scope.switches.includes(s.id)).map((s) => {
    const breaks = properties.filter((p) => matrix[s.id]![p]!.result === 'violated');
    const reason = redundancyReasons[s.id];
    if (breaks.length > 0) return { switch: s.id, aliases: s.aliases, status: 'necessary' as const, breaks };
    if (properties.some((p) => matrix[s.id]![p]!.result === 'inconclusive')) return { switch: s.id, aliases: s.aliases, status: 'inconclusive' as const, breaks };
    return { switch: s.id, aliases: s.aliases, status: 'redundant' as const, breaks, ...(reason === undefined ? {} : { reason }) };
  });
}

function threatConclusions(conclusions: readonly SwitchConclusion[], scope: AblationScope): AblationReport['threatConclusions'] {
  return threatSuite.filter((t) => scope.threats.includes(t.threat)).map((t) => ({
    threat: `t${t.threat}`,
    heading: threatHeading(t.threat),
    counterMeasures: counterMeasureCatalogue.filter((c) => c.alternative === '1' && c.threat === t.threat).map((c) => {
      const cov = coverageOf(c.id);
      if (cov === undefined) return { id: c.id, status: 'unknown', detail: '' };
      switch (cov.kind) {
        case 'switch': {
          const s = conclusions.find((x) => x.switch === cov.switch);
          if (s === undefined) return { id: c.id, status: 'switch not in this run', detail: `switch ${cov.switch} belongs to a threat not selected` };
          const via = cov.switch === c.id ? '' : ` (switch ${cov.switch})`;
          if (s.status === 'necessary') return { id: c.id, status: 'necessary', detail: `off breaks ${s.breaks.join(', ')}${via}` };
          if (s.status === 'inconclusive') return { id: c.id, status: 'inconclusive', detail: `no attack found, but a cell was cut short${via}` };
          return { id: c.id, status: 'redundant in the model', detail: `${s.reason ?? 'no attack with it off, and no reason recorded'}${via}` };
        }
        case 'umbrella':
          return { id: c.id, status: 'sum of switches', detail: `${cov.switches.join(', ')}: ${cov.note}` };
        case 'property':
          return { id: c.id, status: 'stated as a property', detail: `${cov.property}: ${cov.note}` };
        case 'not-modelled':
          return { id: c.id, status: 'not modelled', detail: cov.reason };
        case 'not-modelable':
          return { id: c.id, status: 'cannot be modelled', detail: cov.reason };
      }
    }),
  }));
}

/** Breaking pairs per (scenario, property) the single switches leave holding. */
function pairsOf(singles: readonly CellResult[], pairs: readonly CellResult[]): NonNullable<AblationReport['pairs']> {
  const out: { scenario: string; property: string; breakingPairs: string[][] }[] = [];
  for (const scenario of [...new Set(pairs.map((c) => c.spec.scenario))]) {
    for (const property of unbrokenBySingles(scenario, singles)) {
      const breaking = pairs.filter((c) => c.spec.scenario === scenario && verdictOf(c, property)?.kind === 'violated').map((c) => [...c.spec.off]);
      out.push({ scenario, property, breakingPairs: breaking });
    }
  }
  return out;
}

function trustOf(singles: readonly CellResult[], trust: readonly CellResult[], traceFile: SummariseInput['traceFile'], properties: readonly string[]): NonNullable<AblationReport['trust']> {
  const roles = [...new Set(trust.map((c) => `${c.spec.dishonest}${c.spec.dpfGeneratesCredentials === true ? '+dpf-generates' : ''}`))];
  return Object.fromEntries(roles.map((role) => {
    const cells = trust.filter((c) => `${c.spec.dishonest}${c.spec.dpfGeneratesCredentials === true ? '+dpf-generates' : ''}` === role);
    return [role, Object.fromEntries(properties.map((p) => [p, entry(cells, singles, p, traceFile)]))];
  }));
}

export function summarise(input: SummariseInput): AblationReport {
  const { singles, traceFile, scope } = input;
  // The safety properties: the cells judge only those (runCell).
  const properties = [...new Set(threatSuite.filter((t) => scope.threats.includes(t.threat)).flatMap((t) => t.properties.filter((p) => !isLiveness(p.property)).map((p) => p.property.id as string)))];
  const matrix = Object.fromEntries(scope.switches.map((id) => {
    const cells = singles.filter((c) => c.spec.off.length === 1 && c.spec.off[0] === id);
    return [id, Object.fromEntries(properties.map((p) => [p, entry(cells, singles, p, traceFile)]))];
  }));
  const all = [...singles, ...(input.pairs ?? []), ...(input.trust ?? [])];
  const concl = conclusions(matrix, scope, properties);
  const referenced = input.referenced;
  return {
    format: ablationFormat,
    options: { maxStates: input.maxStates, ...(input.maxMemory === undefined ? {} : { maxMemory: input.maxMemory }), pairs: input.pairs !== undefined, trust: input.trust !== undefined },
    cells: all.length,
    totalStates: all.reduce((n, c) => n + c.states, 0),
    threats: scope.threats.map((t) => `t${t}`),
    switches: scope.switches,
    properties,
    matrix,
    conclusions: concl,
    threatConclusions: threatConclusions(concl, scope),
    // Suspect only when every cell that checks it ran to the end: a cut-short cell may hide its violation. A property
    // that only a combination of switches breaks (combinationOnlyProperties, its attack pinned by a test) is suspect
    // only in a run that has that combination's cell; one that judges a check no switch turns off
    // (mutationOnlyProperties, a mutant of that check pinned by a test) is not suspect.
    suspects: properties.filter((p) => mutationOnlyProperties[p] === undefined && !all.some((c) => verdictOf(c, p)?.kind === 'violated') && !all.some((c) => verdictOf(c, p)?.kind === 'inconclusive') &&
      (combinationOnlyProperties[p] === undefined ||
        all.some((c) => c.spec.off.length === combinationOnlyProperties[p]!.length && combinationOnlyProperties[p]!.every((s) => c.spec.off.includes(s))))),
    findings: singles.filter((c) => c.spec.off.length === 0).flatMap((c) => c.verdicts.filter((v) => v.kind === 'violated').map((v) => ({ scenario: c.spec.scenario, property: v.property }))),
    inconclusive: all.filter((c) => c.verdicts.some((v) => v.kind === 'inconclusive')).map((c) => cellLabel(c.spec)),
    ...(all.some((c) => spaceWasReduced(c.reduction)) ? { reduced: true as const } : {}),
    ...(referenced === undefined ? {} : {
      text: {
        file: referenced.file,
        necessaryUnreferenced: concl.filter((c) => c.status === 'necessary' && ![c.switch, ...c.aliases].some((id) => referenced.ids.has(id))).map((c) => c.switch),
        referencedRedundant: concl.filter((c) => c.status === 'redundant' && [c.switch, ...c.aliases].some((id) => referenced.ids.has(id))).map((c) => c.switch),
      },
    }),
    ...(input.pairs === undefined ? {} : { pairs: pairsOf(singles, input.pairs) }),
    ...(input.trust === undefined ? {} : { trust: trustOf(singles, input.trust, traceFile, properties) }),
    millis: input.millis,
  };
}
