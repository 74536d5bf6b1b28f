// Accepted findings (reports/baseline.json): a CI run fails on what changed, not on what is already known.
import { z } from 'zod';
import type { ReportFinding } from './reportFindings.ts';

export const baselineFormat = 'trecheck-baseline/1';

export interface BaselineEntry extends ReportFinding {
  /** The command whose findings these are: check and explore may name the same scenario. */
  readonly command: string;
}

export interface Baseline {
  readonly format: typeof baselineFormat;
  /** Commands whose findings the baseline speaks for, even with none accepted (a clean run recorded). */
  readonly commands?: readonly string[];
  readonly findings: readonly BaselineEntry[];
}

export const baselineSchema = z
  .object({
    format: z.literal(baselineFormat),
    commands: z.array(z.string()).optional(),
    findings: z.array(
      z
        .object({
          command: z.string(),
          scenario: z.string(),
          property: z.string(),
          kind: z.enum(['violated', 'inconclusive', 'failed', 'defect']),
          detail: z.string(),
        })
        .strict(),
    ),
  })
  .strict();

export type BaselineRead = { readonly ok: true; readonly baseline: Baseline } | { readonly ok: false; readonly message: string };

/** Checks parsed JSON against the baseline schema; the error names the first bad field. */
export function parseBaseline(data: unknown): BaselineRead {
  const parsed = baselineSchema.safeParse(data);
  if (parsed.success) return { ok: true, baseline: parsed.data as Baseline };
  const issue = parsed.error.issues[0]!;
  return { ok: false, message: `not a ${baselineFormat} file: ${issue.path.map(String).join('.') || 'file'}: ${issue.message}` };
}
