// The ablation matrix of Alternative 3a in the form of 1a's (src/cli/ablate/AblationReport.ts MatrixEntry):
// each counter-measure switch off in turn in every scenario of the suite; a cell says whether the claim still holds.
import { switchIds3a, type Switch3a } from '../../../models/alt3a/Alt3aConfig.ts';
import type { MatrixEntry } from '../ablate/AblationReport.ts';
import { runSuite3a, type Check3aResult } from './runSuite3a.ts';

export interface Ablation3a {
  readonly switches: readonly Switch3a[];
  /** `scenario/property`, in suite order. */
  readonly columns: readonly string[];
  /** matrix[switch][column] */
  readonly matrix: Readonly<Record<string, Readonly<Record<string, MatrixEntry>>>>;
  /** Per switch: the columns its removal breaks (necessary), or none (redundant in this model). */
  readonly conclusions: readonly { readonly switch: Switch3a; readonly status: 'necessary' | 'redundant'; readonly breaks: readonly string[] }[];
  readonly totalStates: number;
}

const column = (scenario: string, property: string): string => `${scenario}/${property}`;

/** `base`: the suite with every switch on (runSuite3a()). */
export function ablate3a(base: readonly Check3aResult[]): Ablation3a {
  const columns = base.flatMap((c) => c.properties.map((p) => column(c.config.name, p.property)));
  const baseVerdict = new Map(base.flatMap((c) => c.properties.map((p) => [column(c.config.name, p.property), p.verdict.kind] as const)));
  const matrix: Record<string, Record<string, MatrixEntry>> = {};
  let totalStates = 0;
  const conclusions: Ablation3a['conclusions'][number][] = [];
  for (const id of switchIds3a) {
    const row: Record<string, MatrixEntry> = {};
    const runs = runSuite3a([id]);
    runs.forEach((run, i) => {
      totalStates += run.search.states;
      const scenario = base[i]!.config.name;
      for (const p of run.properties) {
        const col = column(scenario, p.property);
        const v = p.verdict;
        if (baseVerdict.get(col) === 'violated') row[col] = { result: 'finding' };
        else if (v.kind === 'violated') row[col] = { result: 'violated', steps: v.trace.actions.length, scenario: run.config.name, trace: '', replayed: p.recheck?.result === 'reproduced' };
        else if (v.kind === 'holds-exhaustively' && v.complete) row[col] = { result: 'holds', scenarios: 1, states: run.search.states };
        else row[col] = { result: 'inconclusive', scenario: run.config.name };
      }
    });
    matrix[id] = row;
    const breaks = Object.entries(row).filter(([, e]) => e.result === 'violated').map(([c]) => c);
    conclusions.push({ switch: id, status: breaks.length > 0 ? 'necessary' : 'redundant', breaks });
  }
  return { switches: switchIds3a, columns, matrix, conclusions, totalStates };
}

/** The switches whose removal alone breaks `scenario/property`. */
export function needs3a(ablation: Ablation3a, scenario: string, property: string): string[] {
  return ablation.switches.filter((s) => ablation.matrix[s]?.[column(scenario, property)]?.result === 'violated');
}
