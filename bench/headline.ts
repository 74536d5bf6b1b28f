// `npm run bench:headline`: only the headline figures (bench/measureHeadline.ts), printed and put in place of the
// headline section of reports/bench.md (added at its top if missing), labelled with the machine and its load.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { machineInfo, machineLine } from './machineInfo.ts';
import { largestThreatScenario, measureHeadline } from './measureHeadline.ts';
import { headlineEnd, headlineStart, renderHeadline } from './renderHeadline.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const machine = machineInfo();
process.stderr.write(`bench: headline figures, ${rounds} rounds\n`);
const figures = measureHeadline(largestThreatScenario(), 6, rounds);
const loadAfter = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
const conditions = `Measured by \`npm run bench:headline\` on ${new Date().toISOString().slice(0, 10)}: ${machineLine(machine)} at the start, ${loadAfter} at the end (other work on the machine slows every wall-clock figure; the CPU times less).`;
const section = renderHeadline(figures, conditions).join('\n');
const file = fileURLToPath(new URL('../reports/bench.md', import.meta.url));
const report = readFileSync(file, 'utf8');
const start = report.indexOf(headlineStart);
const end = report.indexOf(headlineEnd);
const updated =
  start >= 0 && end > start
    ? report.slice(0, start) + section + report.slice(end + headlineEnd.length)
    : report.replace(/\n## /, `\n${section}\n\n## `);
writeFileSync(file, updated);
writeFileSync(fileURLToPath(new URL('../reports/bench-headline.json', import.meta.url)), `${JSON.stringify({ conditions, ...figures }, null, 2)}\n`);
process.stdout.write(`${section}\n`);
