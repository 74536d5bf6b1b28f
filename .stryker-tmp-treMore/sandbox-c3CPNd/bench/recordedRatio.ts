// The TR-world / benchmark-model rate ratio recorded in the repository (bench/recordedRatio.json): written by
// `npm run bench` and `npm run bench:quick -- --record`, read by `npm run bench:quick` to compare against.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { MeasuredRatio } from './measureRatio.ts';

/** Path from the project root, for messages. */
export const recordedRatioPath = 'bench/recordedRatio.json';
const file = fileURLToPath(new URL('./recordedRatio.json', import.meta.url));

const positive = z.number().positive();
const schema = z.object({
  scenario: z.string(),
  maxP: z.number().int(),
  ratio: positive,
  trStatesPerSecond: positive,
  benchmarkStatesPerSecond: positive,
  trStates: z.number().int(),
  benchmarkStates: z.number().int(),
  machine: z.string(),
  date: z.string(),
  recordedBy: z.string(),
});

export type RecordedRatio = z.infer<typeof schema>;

export type ReadRecorded = { readonly ok: true; readonly recorded: RecordedRatio } | { readonly ok: false; readonly message: string };

const reRecord = 'record one with `npm run bench:quick -- --record`';

export function readRecordedRatio(): ReadRecorded {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { ok: false, message: `no recorded ratio in ${recordedRatioPath}: ${reRecord}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `${recordedRatioPath} is not JSON (${(error as Error).message}): ${reRecord}` };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `${recordedRatioPath}: ${issue.path.map(String).join('.') || 'file'}: ${issue.message}; ${reRecord}` };
  }
  return { ok: true, recorded: parsed.data };
}

/** What is written: the measured ratio and both rates, with the machine line and the date. */
export function recordOf(measured: MeasuredRatio, machine: string, date: string, recordedBy: string): RecordedRatio {
  return {
    scenario: measured.scenario,
    maxP: measured.maxP,
    ratio: measured.ratio,
    trStatesPerSecond: Math.round(measured.trStatesPerSecond),
    benchmarkStatesPerSecond: Math.round(measured.benchmarkStatesPerSecond),
    trStates: measured.trStates,
    benchmarkStates: measured.benchmarkStates,
    machine,
    date,
    recordedBy,
  };
}

export function writeRecordedRatio(recorded: RecordedRatio): void {
  writeFileSync(file, `${JSON.stringify(recorded, null, 2)}\n`);
}
