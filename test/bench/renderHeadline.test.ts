// The headline section of the bench report: the rate goal judged on each first search, pinned and not.
import { describe, expect, it } from 'vitest';
import type { FirstSearchFigures, HeadlineFigures, Timed } from '../../bench/measureHeadline.ts';
import { renderHeadline } from '../../bench/renderHeadline.ts';

const search = (model: string, states: number, millis: number): FirstSearchFigures => ({
  model, states, transitions: 2 * states, millis, cpuMillis: millis * 1.5, statesPerSecond: (states * 1000) / millis, rssBytesPerState: 60, structureBytesPerState: 40, verdicts: ['P: holds-exhaustively'],
});
const timed = (command: string, wallMillis: number): Timed => ({ command, wallMillis, runsMillis: [wallMillis], exitCode: 0 });

const figures = (trUnpinned?: FirstSearchFigures, trWarm?: FirstSearchFigures): HeadlineFigures => ({
  rounds: 1,
  pinned: 'one core (taskset -c 1)',
  cliFrom: 'bundle',
  tr: search('TR world, t2-report-replay', 154_329, 1_000),
  ...(trUnpinned === undefined ? {} : { trUnpinned }),
  ...(trWarm === undefined ? {} : { trWarm }),
  benchmark: search('benchmark model, MAXP=6', 1_648_572, 560),
  cliVersion: timed('npx trecheck --version', 70),
  cliTr: timed('npx trecheck check --threat t2', 3_000),
  cliBenchmark: timed('npx trecheck explore benchmark', 800),
  spin: { kind: 'skipped', why: 'spin is not installed' },
});

describe('renderHeadline', () => {
  it('judges the rate goal on the pinned first search and, when measured, on the one not pinned', () => {
    const rows = renderHeadline(figures(search('TR world, t2-report-replay', 154_329, 100)), 'conditions.').join('\n');
    expect(rows).toMatch(/t2-report-replay, first search in a fresh process \(154,329 states.*\| 1,000 ms: 154,329 states\/s \| >= 1,000,000 states\/s: \*\*not met\*\* \|/);
    expect(rows).toMatch(/t2-report-replay, first search in a fresh process \(154,329 states; not pinned: the search on one thread.*\| 100 ms: 1,543,290 states\/s \| >= 1,000,000 states\/s: met \|/);
  });

  it('leaves the row out when the figures have no search not pinned (an older report)', () => {
    expect(renderHeadline(figures(), 'conditions.').join('\n')).not.toMatch(/not pinned: the search/);
  });

  it('shows a new system searched in a warm process as a diagnostic beside the first search, judged against nothing', () => {
    const rows = renderHeadline(figures(undefined, search('TR world, t2-report-replay, searched again as a new system', 154_329, 250)), 'conditions.');
    const warm = rows.find((r) => r.includes('not a first search'))!;
    expect(warm).toMatch(/the first search above took 4\.0x as long\) \| 250 ms: 617,316 states\/s \| \|$/);
    expect(warm).not.toMatch(/1,000,000/);
    expect(renderHeadline(figures(), 'conditions.').join('\n')).not.toMatch(/not a first search/);
  });

  it("gives XState's own steps of a TR first search beside what the whole search has at the goal's rate", () => {
    const tr = { ...search('TR world, t1-clone-second-tre', 56_049, 1_000), xstate: { steps: 5_556, millis: 132.4 } };
    const row = renderHeadline({ ...figures(), tr }, 'conditions.').find((r) => r.includes('t1-clone-second-tre'))!;
    expect(row).toMatch(/of it, XState's own steps: 5,556 distinct role steps in 132 ms, where the whole search has 56 ms at 1M states\/s\) \|/);
    expect(renderHeadline(figures(), 'conditions.').join('\n')).not.toMatch(/XState's own steps/);
  });

  it('shows the same system searched a third time as a diagnostic too, judged against nothing', () => {
    const again = search('TR world, t2-report-replay, the same system searched a third time', 154_329, 125);
    const rows = renderHeadline({ ...figures(), trAgain: again }, 'conditions.');
    const row = rows.find((r) => r.includes('searched a third time'))!;
    expect(row).toMatch(/the first search above took 8\.0x as long\) \| 125 ms: 1,234,632 states\/s \| \|$/);
    expect(row).not.toMatch(/met/);
  });
});
