// What `[tx cmy]` references may point at: the counter-measures of Alternative 1, from trecheck's catalogue
// or from a threat analysis text given with --analysis, including the void slots.
import type { CatalogueView } from './CatalogueView.ts';
import type { ThreatAnalysis } from './ThreatAnalysis.ts';

export interface TargetThreat {
  readonly threat: number;
  /** Counter-measure numbers that exist and are not void. */
  readonly counterMeasures: readonly number[];
  readonly voidNumbers: readonly number[];
}

export interface ReferenceTargets {
  /** Where the targets come from, for messages: a file name or "trecheck's catalogue". */
  readonly origin: string;
  readonly threats: readonly TargetThreat[];
  /** Line of a counter-measure in the analysis text, when the targets come from one ("t10.cm8" -> 518). */
  readonly lines: ReadonlyMap<string, number>;
}

/** The TRE function text references Alternative 1 only (TR 33.812 5.1.2 refers to clause 7.1.2.1). */
export function targetsFromCatalogue(catalogue: CatalogueView): ReferenceTargets {
  const threats = catalogue.threats
    .filter((t) => t.alternative === '1')
    .map((t) => ({
      threat: t.threat,
      counterMeasures: catalogue.counterMeasures.filter((c) => c.alternative === '1' && c.threat === t.threat).map((c) => c.textNumber),
      voidNumbers: t.voidNumbers,
    }));
  return { origin: "trecheck's catalogue", threats, lines: new Map() };
}

/** Alternative 1 of a parsed threat analysis; undefined when it has none. */
export function targetsFromAnalysis(analysis: ThreatAnalysis): ReferenceTargets | undefined {
  const alt = analysis.alternatives.find((a) => a.id === '1' && a.threats.length > 0);
  if (alt === undefined) return undefined;
  const lines = new Map<string, number>();
  const threats = alt.threats.map((t) => {
    for (const c of t.counterMeasures) lines.set(`t${t.number}.cm${c.number}`, c.line);
    return {
      threat: t.number,
      counterMeasures: t.counterMeasures.filter((c) => !c.isVoid).map((c) => c.number),
      voidNumbers: t.counterMeasures.filter((c) => c.isVoid).map((c) => c.number),
    };
  });
  return { origin: analysis.file, threats, lines };
}
