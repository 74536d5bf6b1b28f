// Validation of a saved trace file: malformed input is an expected error, returned as a value.
import { z } from 'zod';
import { traceFormat, type Trace } from '../Trace.ts';

const traceSchema = z.object({
  format: z.literal(traceFormat),
  system: z.string().min(1),
  model: z.string().optional(),
  config: z.unknown(),
  property: z.string().min(1),
  method: z.enum(['exhaustive', 'random']),
  seed: z.number().int().nonnegative().optional(),
  path: z.string().optional(),
  initial: z.number().int().nonnegative(),
  actions: z.array(z.string()),
  states: z.array(z.unknown()),
  loop: z.number().int().nonnegative().optional(),
});

export type ParsedTrace = { readonly ok: true; readonly trace: Trace } | { readonly ok: false; readonly error: string };

/** Parses the text of a trace file; on failure says which field is wrong in one line. */
export function parseTrace(text: string): ParsedTrace {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON (${(error as Error).message})` };
  }
  const parsed = traceSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length === 0 ? 'trace' : issue.path.map(String).join('.');
    return { ok: false, error: `not a ${traceFormat} trace: ${where}: ${issue.message}` };
  }
  const trace = parsed.data as Trace;
  if (trace.states.length !== trace.actions.length + 1) {
    const n = trace.actions.length;
    return { ok: false, error: `not a ${traceFormat} trace: ${n} actions need ${n + 1} states, found ${trace.states.length}` };
  }
  if (trace.loop !== undefined && trace.loop > trace.actions.length) {
    return { ok: false, error: `not a ${traceFormat} trace: loop ${trace.loop} is past the last state (${trace.actions.length})` };
  }
  return { ok: true, trace };
}
