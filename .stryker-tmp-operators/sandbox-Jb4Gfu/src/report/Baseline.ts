// Accepted findings (reports/baseline.json): a CI run fails on what changed, not on what is already known. Each entry
// remembers the options that produced it (counter-measures off, the scenario file's digest, search limits): a run
// with other options neither accepts it nor reports it gone.
import { z } from 'zod';
import { canonicalJson } from '../engine/canonicalJson.ts';
import type { FindingOptions } from './Report.ts';
import type { ReportFinding } from './reportFindings.ts';

export const baselineFormat = 'trecheck-baseline/2';
/** The format before entries remembered their options; read and upgraded (its entries came from default runs). */
const baselineFormatV1 = 'trecheck-baseline/1';

export interface BaselineEntry extends ReportFinding {
  /** The command whose findings these are: check and explore may name the same scenario. */
  readonly command: string;
  /** The options of the run that produced it, as the report's `findingOptions` ({} for a default run). */
  readonly options: FindingOptions;
}

export interface Baseline {
  readonly format: typeof baselineFormat;
  /** Commands whose findings the baseline speaks for, even with none accepted (a clean run recorded). */
  readonly commands?: readonly string[];
  readonly findings: readonly BaselineEntry[];
}

const entry = {
  command: z.string(),
  scenario: z.string(),
  property: z.string(),
  kind: z.enum(['violated', 'inconclusive', 'failed', 'defect']),
  detail: z.string(),
};

export const baselineSchema = z
  .object({
    format: z.literal(baselineFormat),
    commands: z.array(z.string()).optional(),
    findings: z.array(z.object({ ...entry, options: z.record(z.string(), z.unknown()) }).strict()),
  })
  .strict();

const baselineSchemaV1 = z
  .object({ format: z.literal(baselineFormatV1), commands: z.array(z.string()).optional(), findings: z.array(z.object(entry).strict()) })
  .strict();

export type BaselineRead = { readonly ok: true; readonly baseline: Baseline } | { readonly ok: false; readonly message: string };

/** Checks parsed JSON against the baseline schema (a /1 file is upgraded: its entries get the default options); the
 *  error names the first bad field. */
export function parseBaseline(data: unknown): BaselineRead {
  const old = baselineSchemaV1.safeParse(data);
  if (old.success) {
    return { ok: true, baseline: { format: baselineFormat, ...(old.data.commands === undefined ? {} : { commands: old.data.commands }), findings: old.data.findings.map((f) => ({ ...f, options: {} })) } };
  }
  const parsed = baselineSchema.safeParse(data);
  if (parsed.success) return { ok: true, baseline: parsed.data as Baseline };
  const issue = parsed.error.issues[0]!;
  return { ok: false, message: `not a ${baselineFormat} file: ${issue.path.map(String).join('.') || 'file'}: ${issue.message}` };
}

/** Whether an entry was produced with exactly these options. */
export const sameOptions = (a: FindingOptions, b: FindingOptions): boolean => canonicalJson(a) === canonicalJson(b);
