// Renders the random search's default against one thread, and where a helper's start-up goes, as Markdown.
import type { RandomDefaultFigures } from './measureRandomDefault.ts';

const ms = (x: number): string => `${x.toLocaleString('en-US', { maximumFractionDigits: x < 10 ? 1 : 0 })} ms`;

export function renderRandomDefault(rows: readonly RandomDefaultFigures[]): string[] {
  if (rows.length === 0) return [];
  return [
    '### Random search: the default against one thread',
    '',
    `The default (\`explore --mode random\`, searchRandomParallel) starts helper threads only when a core looks free and the`,
    `chunks left, timed on warm chunks, would take more than twice a helper's start-up; it never waits for one. Medians of`,
    `${rows[0]!.rounds} rounds, each running both in alternating order.`,
    '',
    '| search | one thread | default | default / one thread (median of rounds) | same outcome every round | start-up the default assumed |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.label}, ${r.runs.toLocaleString('en-US')} runs | ${ms(r.oneThreadMillis)} | ${ms(r.defaultMillis)} | ` +
        `${r.ratio.toFixed(2)}: ${r.ratio <= 1.1 ? 'not slower (within 10%)' : '**slower**'} | ${r.sameOutcome ? 'yes' : '**no**'} | ` +
        `${ms(r.assumedStartupMillis)}${r.helpersRan ? ' (measured: a helper ran)' : ' (not measured: no helper ran)'} |`,
    ),
    '',
    "Where a helper's start-up goes (a helper started beside the one-thread search; medians), to compare with the",
    'whole one-thread search above: a helper pays only for work well beyond its start-up.',
    '',
    '| search | thread boot | TypeScript loader + engine | model modules | build | first chunk (cold) | total | warm chunk here |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${ms(r.helper.threadBootMillis)} | ${ms(r.helper.engineLoadMillis)} | ${ms(r.helper.systemLoadMillis)} | ` +
        `${ms(r.helper.buildMillis)} | ${ms(r.helper.firstChunkMillis)} | ${ms(r.helper.totalMillis)} | ${ms(r.warmChunkMillis)} |`,
    ),
    '',
  ];
}
