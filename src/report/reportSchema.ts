// The versioned JSON schema of a saved report (trecheck-report/1), checked when `trecheck report` reads one.
// Field meanings: src/report/Report.ts and docs/reports.md.
import { z } from 'zod';
import { traceFormat } from '../engine/Trace.ts';
import { reportFormat, type Report } from './Report.ts';

const count = z.number().int().nonnegative();

const traceSchema = z.object({
  format: z.literal(traceFormat),
  system: z.string().min(1),
  config: z.unknown(),
  property: z.string().min(1),
  method: z.enum(['exhaustive', 'random']),
  seed: count.optional(),
  path: z.string().optional(),
  initial: count,
  actions: z.array(z.string()),
  states: z.array(z.unknown()),
  loop: count.optional(),
});

const sourceLine = z.object({ file: z.string(), line: count });

const verdictSchema = z.object({
  kind: z.enum(['violated', 'holds-exhaustively', 'no-violation-found', 'inconclusive']),
  method: z.enum(['exhaustive', 'random']),
  text: z.string(),
  bound: z.string(),
  states: count,
  transitions: count,
  depth: count,
  complete: z.boolean().optional(),
  reduction: z
    .union([
      z.object({ applied: z.literal(true), reduced: count, fullyExpanded: count, proviso: count }),
      z.object({ applied: z.literal(false), reason: z.enum(['turned-off', 'depth-bound', 'parallel']) }),
    ])
    .optional(),
  leftOut: count.optional(),
  assumption: z.object({ name: z.string(), outcome: z.enum(['held', 'broken', 'not-made']), brokenBy: z.string().optional() }).optional(),
  seed: count.optional(),
  limit: z.string().optional(),
  millis: z.number().nonnegative(),
  counterexample: z
    .object({
      trace: traceSchema,
      explanation: z.string().optional(),
      replayed: z.string().optional(),
      derivations: z.array(z.object({ secret: z.string(), steps: z.array(z.string()), readAt: z.array(z.number().int().positive().nullable()).optional() })).optional(),
      liveAgrees: z.boolean().optional(),
      stepSources: z.array(sourceLine.nullable()).optional(),
      reproduce: z.string().optional(),
    })
    .optional(),
});

export const reportSchema = z.object({
  format: z.literal(reportFormat),
  command: z.string().min(1),
  title: z.string(),
  provenance: z.object({
    tool: z.literal('trecheck'),
    version: z.string(),
    commit: z.string().optional(),
    sourcesHash: z.string().optional(),
    node: z.string(),
    options: z.record(z.string(), z.unknown()),
  }),
  findingOptions: z.record(z.string(), z.unknown()).optional(),
  scenarios: z.array(
    z.object({
      id: z.string().min(1),
      system: z.string(),
      config: z.unknown(),
      notes: z.array(z.string()),
      scope: z
        .object({
          injections: count,
          attackerModel: z.string(),
          capabilities: z.array(z.string()),
          dishonest: z.string().nullable(),
          closed: z.array(z.object({ channelClass: z.string(), channels: z.array(z.string()), assumption: z.string().optional() })),
          earlierTraffic: z.boolean().optional(),
        })
        .optional(),
      source: sourceLine.optional(),
      failures: z.array(z.string()),
      properties: z.array(
        z.object({
          id: z.string().min(1),
          description: z.string(),
          checks: z.array(z.string()),
          threat: z.object({ id: z.string(), risk: z.string().optional() }).optional(),
          source: z.string().optional(),
          sourceLine: count.optional(),
          verdicts: z.array(verdictSchema),
        }),
      ),
    }),
  ),
  textFindings: z.array(
    z.object({
      tool: z.string(),
      file: z.string(),
      line: count.optional(),
      column: count.optional(),
      severity: z.enum(['defect', 'warning', 'note']),
      code: z.string(),
      message: z.string(),
      suggestion: z.string().optional(),
    }),
  ),
  textFiles: z.array(z.string()),
  recheck: z
    .object({
      properties: z.array(z.object({ id: z.string(), counterMeasures: z.array(z.string()), file: z.string(), line: count })),
      verdicts: z.array(z.object({ scenario: z.string(), property: z.string(), old: z.string(), new: z.string(), text: z.string(), changed: z.boolean() })),
      summary: z.string(),
    })
    .optional(),
  diagrams: z.array(z.object({ title: z.string(), mermaid: z.string() })),
});

export type ReportRead = { readonly ok: true; readonly report: Report } | { readonly ok: false; readonly message: string };

/** Checks parsed JSON against the schema; the error names the first bad field in one line. Fields the
 *  writers add beside the report (the baseline comparison, the exit code) are ignored: they are recomputed. */
export function parseReport(data: unknown): ReportRead {
  const format = (data as { format?: unknown } | null)?.format;
  if (typeof format === 'string' && format !== reportFormat && format.startsWith('trecheck-report/')) {
    return { ok: false, message: `report format ${format} is not supported by this trecheck (reads ${reportFormat})` };
  }
  const parsed = reportSchema.safeParse(data);
  if (parsed.success) return { ok: true, report: parsed.data as Report };
  const issue = parsed.error.issues[0]!;
  return { ok: false, message: `not a ${reportFormat} file: ${issue.path.map(String).join('.') || 'file'}: ${issue.message}` };
}
