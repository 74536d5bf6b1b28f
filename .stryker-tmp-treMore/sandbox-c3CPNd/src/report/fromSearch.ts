// Report model of `trecheck explore` (and anything else that runs engine searches on one registered system):
// one scenario, the system, with every property's verdict per search.
import type { Trace } from '../engine/Trace.ts';
import type { SearchOutcome } from '../engine/Verdict.ts';
import type { Provenance } from './Provenance.ts';
import { reportFormat, type Counterexample, type Report } from './Report.ts';
import { verdictResult } from './verdictResult.ts';

export interface SearchInput {
  readonly method: 'exhaustive' | 'random';
  readonly summary: string;
  readonly outcome: SearchOutcome;
  readonly reproduce?: (trace: Trace) => string;
}

export interface FromSearchInput {
  readonly command: string;
  readonly title: string;
  readonly system: string;
  readonly config: unknown;
  readonly properties: readonly { readonly id: string; readonly description: string; readonly checks?: readonly string[] }[];
  readonly searches: readonly SearchInput[];
  /** Re-executes a counterexample on a fresh system: what it showed and why the property failed. */
  readonly recheck?: (property: string, trace: Trace) => Omit<Counterexample, 'trace' | 'reproduce'>;
  readonly provenance: Provenance;
  readonly diagrams?: Report['diagrams'];
}

export function reportFromSearch(input: FromSearchInput): Report {
  return {
    format: reportFormat,
    command: input.command,
    title: input.title,
    provenance: input.provenance,
    scenarios: [
      {
        id: input.system,
        system: input.system,
        config: input.config,
        notes: input.searches.map((s) => `${s.method} search: ${s.summary}`),
        failures: [],
        properties: input.properties.map((p) => ({
          id: p.id,
          description: p.description,
          checks: p.checks ?? [],
          verdicts: input.searches.flatMap((s) =>
            s.outcome.verdicts
              .filter((v) => v.property === p.id)
              .map(({ verdict }) =>
                verdictResult(verdict, s.method, verdict.kind !== 'violated' ? undefined : {
                  ...(input.recheck?.(p.id, verdict.trace) ?? {}),
                  ...(s.reproduce === undefined ? {} : { reproduce: s.reproduce(verdict.trace) }),
                }),
              ),
          ),
        })),
      },
    ],
    textFindings: [],
    textFiles: [],
    diagrams: input.diagrams ?? [],
  };
}
