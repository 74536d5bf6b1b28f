// `npm run bench:quick`: the TR world's rate on the largest threat scenario against the benchmark model's, each in
// its own process (about 20 s), compared with the ratio recorded in the repository; CI fails below half of it.
// `--record` writes the measured ratio as the new record instead. Exit codes: 0 ok, 1 below half, 2 bad input.
import { parseArgs } from 'node:util';
import { compareRatio, formatRatio } from './compareRatio.ts';
import { machineInfo, machineLine } from './machineInfo.ts';
import { measureRatio } from './measureRatio.ts';
import { readRecordedRatio, recordedRatioPath, recordOf, writeRecordedRatio, type RecordedRatio } from './recordedRatio.ts';

const usage = 'usage: npm run bench:quick [-- --record]';
const n = (x: number): string => Math.round(x).toLocaleString('en-US');
const out = (line: string): void => void process.stdout.write(`bench:quick: ${line}\n`);
const fail = (line: string, code: number): never => {
  process.stderr.write(`bench:quick: ${line}\n`);
  process.exit(code);
};

let record = false;
try {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { record: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
  if (values.help === true) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  record = values.record === true;
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0]}; ${usage}`, 2);
}

// Read the record before measuring: a missing one should not cost the half minute of searches.
function recordedOrExit(): RecordedRatio {
  const read = readRecordedRatio();
  return read.ok ? read.recorded : fail(read.message, 2);
}
const recorded = record ? undefined : recordedOrExit();

const machine = machineLine(machineInfo());
const m = await measureRatio(7);
const runs = (list: readonly number[]): string => list.map((x) => n(x)).join(', ');
out(`machine: ${machine}`);
const where = m.core === undefined ? 'alone in its process' : `alone in its process, on core ${m.core} as the other`;
out(`TR world, ${m.scenario}: ${n(m.trStates)} states, ${n(m.trStatesPerSecond)} states/s (warm, one thread, ${where}; median of ${m.rounds} rounds: ${runs(m.trRunsMillis)} ms)`);
out(`benchmark model, MAXP=${m.maxP}: ${n(m.benchmarkStates)} states, ${n(m.benchmarkStatesPerSecond)} states/s (warm, one thread, ${where}; median of ${m.rounds} rounds: ${runs(m.benchmarkRunsMillis)} ms)`);

if (recorded === undefined) {
  writeRecordedRatio(recordOf(m, machine, new Date().toISOString(), 'npm run bench:quick -- --record'));
  out(`TR world / benchmark ratio ${formatRatio(m.ratio)}: recorded in ${recordedRatioPath}`);
} else {
  out(`recorded ${recorded.date.slice(0, 10)} by \`${recorded.recordedBy}\`: TR world ${n(recorded.trStatesPerSecond)} states/s, benchmark ${n(recorded.benchmarkStatesPerSecond)} states/s, on ${recorded.machine}`);
  if (recorded.trStates !== m.trStates || recorded.benchmarkStates !== m.benchmarkStates) {
    out(`note: state counts changed since the record (TR world ${n(recorded.trStates)} -> ${n(m.trStates)}, benchmark ${n(recorded.benchmarkStates)} -> ${n(m.benchmarkStates)}): the rates compare different searches`);
  }
  const verdict = compareRatio(recorded, m);
  if (!verdict.pass) fail(verdict.message, 1);
  out(verdict.message);
}
