// The cross-reference lint: malformed `[tx cmy]` references with their likely intended reading,
// references to counter-measures that do not exist or are void, and which ones no function references.
import type { Finding } from './Finding.ts';
import { expandSegments, renderReference, type Reference, type ReferenceSegment } from './findReferences.ts';
import type { ReferenceTargets } from './ReferenceTargets.ts';

export interface ThreatCoverage {
  readonly threat: number;
  readonly referenced: readonly number[];
  readonly unreferenced: readonly number[];
}

export interface ReferenceLint {
  readonly findings: readonly Finding[];
  readonly coverage: readonly ThreatCoverage[];
}

export function lintReferences(file: string, refs: readonly Reference[], targets: ReferenceTargets): ReferenceLint {
  const findings: Finding[] = [];
  const referenced = new Set<string>();
  for (const ref of refs) {
    const report = (severity: 'defect' | 'note', code: string, message: string, suggestion?: string): void => {
      findings.push({ file, line: ref.line, column: ref.column, severity, code: `xref/${code}`, message, ...(suggestion === undefined ? {} : { suggestion }) });
    };
    const defect = (code: string, message: string, suggestion?: string): void => report('defect', code, message, suggestion);
    const wrong = ref.problems.filter((p) => p.severity === 'defect');
    if (wrong.length > 0) {
      const message = `malformed reference "${ref.raw}": ${wrong.map((p) => p.message).join('; ')}`;
      defect('malformed', message, ref.segments.length > 0 ? `likely meant ${renderReference(withoutDuplicates(ref.segments))}` : undefined);
    }
    for (const p of ref.problems.filter((q) => q.code === 'duplicate')) {
      report('note', 'duplicate', `"${ref.raw}": ${p.message}`, `${renderReference(withoutDuplicates(ref.segments))} says the same`);
    }
    const unknown: string[] = [];
    const voids: string[] = [];
    for (const { threat, cm } of expandSegments(ref.segments)) {
      const target = targets.threats.find((t) => t.threat === threat);
      if (target?.voidNumbers.includes(cm)) voids.push(`t${threat} cm${cm}`);
      else if (target === undefined || !target.counterMeasures.includes(cm)) unknown.push(`t${threat} cm${cm}`);
      else referenced.add(`${threat}.${cm}`);
    }
    const kept = withoutVoids(ref.segments, targets);
    if (voids.length > 0) {
      const where = voids.map((v) => targets.lines.get(v.replace(' ', '.'))).filter((l) => l !== undefined);
      defect(
        'void',
        `"${ref.raw}" includes ${voids.join(', ')}, which ${voids.length === 1 ? 'is' : 'are'} void in ${targets.origin}${where.length > 0 ? ` (line ${where.join(', ')})` : ''}`,
        kept.length > 0 ? `likely meant ${renderReference(kept)}` : `the nearest counter-measures that are not void: ${nearest(voids, targets).join(', ')}`,
      );
    }
    if (unknown.length > 0) {
      const near = nearest(unknown, targets);
      defect('unknown', `"${ref.raw}" names ${unknown.join(', ')}, which ${targets.origin} does not have${describeRange(unknown, targets)}`, near.length > 0 ? `the nearest that exist: ${near.join(', ')}` : undefined);
    }
  }
  const coverage = targets.threats.map((t) => ({
    threat: t.threat,
    referenced: t.counterMeasures.filter((c) => referenced.has(`${t.threat}.${c}`)),
    unreferenced: t.counterMeasures.filter((c) => !referenced.has(`${t.threat}.${c}`)),
  }));
  for (const c of coverage) {
    if (c.unreferenced.length === 0) continue;
    const message =
      c.referenced.length === 0
        ? c.unreferenced.length === 1 ? `no function references threat ${c.threat} (its only counter-measure)` : `no function references threat ${c.threat} (none of its ${c.unreferenced.length} counter-measures)`
        : `no function references t${c.threat} cm${c.unreferenced.join(', ')}`;
    findings.push({ file, severity: 'note', code: 'xref/coverage', message });
  }
  return { findings, coverage };
}

function describeRange(unknown: readonly string[], targets: ReferenceTargets): string {
  const threat = Number(/^t(\d+)/.exec(unknown[0] ?? '')?.[1]);
  const t = targets.threats.find((x) => x.threat === threat);
  if (t === undefined) return ` (threats are 1-${Math.max(0, ...targets.threats.map((x) => x.threat))})`;
  return ` (threat ${threat} has counter-measures ${t.counterMeasures.join(', ')})`;
}

/** For each "tx cmy" that is void or unknown, the closest counter-measure numbers of its threat below and above it ("[t10 cm7]", "[t10 cm9]"). */
function nearest(named: readonly string[], targets: ReferenceTargets): string[] {
  const out = new Set<string>();
  for (const n of named) {
    const [threat, cm] = (n.match(/\d+/g) ?? []).map(Number);
    const have = targets.threats.find((t) => t.threat === threat)?.counterMeasures ?? [];
    const below = have.filter((c) => c < (cm ?? 0)).pop();
    const above = have.find((c) => c > (cm ?? 0));
    for (const c of [below, above]) if (c !== undefined) out.add(`[t${threat} cm${c}]`);
  }
  return [...out];
}

/** The reading with void numbers cut out of lists and ranges: [t10 cm1 - 11] becomes [t10 cm1 - 7, 9 - 11]. */
function withoutVoids(segments: readonly ReferenceSegment[], targets: ReferenceTargets): ReferenceSegment[] {
  const out: ReferenceSegment[] = [];
  for (const s of segments) {
    const voids = targets.threats.find((t) => t.threat === s.threat)?.voidNumbers ?? [];
    let from: number | undefined;
    for (let n = s.from; n <= s.to + 1; n++) {
      const keep = n <= s.to && !voids.includes(n);
      if (keep && from === undefined) from = n;
      if (!keep && from !== undefined) {
        out.push({ threat: s.threat, from, to: n - 1 });
        from = undefined;
      }
    }
  }
  return out;
}

/** The reading with counter-measures already named earlier in it left out: [t6 cm4, t6 cm4] becomes [t6 cm4]. */
function withoutDuplicates(segments: readonly ReferenceSegment[]): ReferenceSegment[] {
  const seen = new Set<string>();
  const out: ReferenceSegment[] = [];
  for (const s of segments) {
    const cms = expandSegments([s]).filter((p) => !seen.has(`${p.threat}.${p.cm}`));
    for (const p of cms) seen.add(`${p.threat}.${p.cm}`);
    if (cms.length === s.to - s.from + 1) out.push(s);
    else for (const p of cms) out.push({ threat: p.threat, from: p.cm, to: p.cm });
  }
  return out;
}
