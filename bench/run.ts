// `npm run bench`: one run measuring the TR world (the threat suite and the ablation matrix) and the engine on the
// benchmark model of issue 3 (and Lowe's attack),
// printed and written to reports/bench.md and reports/bench.json with the machine it ran on; the TR-world /
// benchmark ratio is also recorded in bench/recordedRatio.json for `npm run bench:quick`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { machineInfo, machineLine } from './machineInfo.ts';
import { measureCapacity } from './measureCapacity.ts';
import { measureExhaustive } from './measureExhaustive.ts';
import { measureHashing } from './measureHashing.ts';
import { measureRatio } from './measureRatio.ts';
import { measureLowe } from './measureLowe.ts';
import { measureParallel } from './measureParallel.ts';
import { measureRandom } from './measureRandom.ts';
import { measureRandomDefault, randomDefaultCases } from './measureRandomDefault.ts';
import { measureStartup, writeBenchConfig } from './measureStartup.ts';
import { measureThreatsAlone } from './measureThreats.ts';
import { measureAblation } from './measureAblation.ts';
import { largestThreatScenario, measureHeadline } from './measureHeadline.ts';
import { recordOf, writeRecordedRatio } from './recordedRatio.ts';
import { renderBenchReport, type BenchResults } from './renderBenchReport.ts';

const maxP = 6;
const seed = 1;
const say = (text: string): void => void process.stderr.write(`bench: ${text}\n`);

const machine = machineInfo();
say('headline: first searches in fresh processes, CLI wall times, Spin on the benchmark model');
const headline = measureHeadline(largestThreatScenario(), maxP, 5);
say('threat suite on the TR world (one thread, in its own process)');
const threats = measureThreatsAlone();
const ratioRounds = 7;
say(`TR world / benchmark model rate ratio (each model alone in its own process, median of ${ratioRounds} rounds)`);
const ratio = await measureRatio(ratioRounds);
say(`ablation matrix${process.env.BENCH_FULL === '1' ? ', trust and pairs' : ' (single switches; BENCH_FULL=1 adds trust and pairs)'}`);
const ablation = measureAblation(process.env.BENCH_FULL === '1');
say(`exhaustive search, MAXP=${maxP}, one thread`);
const exhaustive = measureExhaustive(maxP, 5);
say('string keys: hashing and hash compaction');
const hashing = measureHashing(maxP);
say('exhaustive search on 2 workers');
const capacity = await measureCapacity(maxP);
const parallel = await measureParallel(maxP, 5, exhaustive);
say('first counterexample from a cold start');
const firstCounterexample = measureStartup(['bench/firstCounterexample.ts'], 3);
const cliExplore = measureStartup(
  ['src/cli/main.ts', 'explore', 'benchmark', '--mode', 'exhaustive', '--config', writeBenchConfig(maxP), '--out', 'reports/scratch/bench-traces'],
  3,
);
say('random search');
const random = measureRandom(maxP, seed);
say('random search: the default against one thread');
const randomDefault = [];
for (const c of randomDefaultCases(maxP)) randomDefault.push(await measureRandomDefault(c, 5));
say("Lowe's attack on Needham-Schroeder");
const lowe = measureLowe(seed);

const date = new Date().toISOString();
const results: BenchResults = {
  date,
  machine,
  threats,
  ratio,
  ablation,
  exhaustive,
  hashing,
  parallel,
  capacity,
  firstCounterexample,
  cliExplore,
  random,
  randomDefault,
  lowe,
  headline,
};
const markdown = renderBenchReport(results);
const reports = fileURLToPath(new URL('../reports/', import.meta.url));
mkdirSync(reports, { recursive: true });
writeFileSync(`${reports}bench.md`, markdown);
writeFileSync(`${reports}bench.json`, `${JSON.stringify(results, null, 2)}\n`);
// The record `npm run bench:quick` compares against: this run's ratio, on this machine.
writeRecordedRatio(recordOf(ratio, machineLine(machine), date, 'npm run bench'));
process.stdout.write(markdown);
say('written to reports/bench.md, reports/bench.json and bench/recordedRatio.json');
