// The summary of Stryker's JSON report for reports/mutation.md: counts per file, timeouts apart from kills, and
// each survivor named by the function it is in.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mutationSummary, reportFromEvents } from '../../scripts/mutationSummary.ts';

const source = ['export function readBootstrap(ctx, msg) {', '  if (!macMatches(f[1], c.kPin, f[0])) return undefined;', '  return ok;', '}'].join('\n');
const mutant = (id: string, status: string, line: number) => ({ id, mutatorName: 'ConditionalExpression', replacement: 'false', status, location: { start: { line, column: 7 } } });

describe('mutation summary', () => {
  it('counts killed, timed out and survived mutants per file, leaves ignored ones out, and names each survivor\'s function', () => {
    const md = mutationSummary([{ files: { 'models/roles/treChecks.ts': { source, mutants: [mutant('1', 'Killed', 2), mutant('2', 'Survived', 2), mutant('3', 'Timeout', 3), mutant('4', 'Ignored', 3)] } } }]);

    expect(md).toContain('| models/roles/treChecks.ts | 3 | 1 | 1 | 1 | 0 | 33.3% | 66.7% |');
    expect(md).toContain('| all | 3 | 1 | 1 | 1 | 0 | 33.3% | 66.7% |');
    expect(md).toContain('| survived | models/roles/treChecks.ts:2:7 | `readBootstrap` | ConditionalExpression | `false` |');
    expect(md).toContain('| timeout | models/roles/treChecks.ts:3:7 | `readBootstrap` |');
  });

  it('takes a later report\'s result for the same mutant: a survivor killed in a re-run counts once, as killed', () => {
    const first = { files: { 'models/roles/treChecks.ts': { source, mutants: [mutant('1', 'Killed', 2), mutant('2', 'Survived', 3)] } } };
    const rerun = { files: { 'models/roles/treChecks.ts': { source, mutants: [mutant('1', 'Killed', 3)] } } };
    expect(mutationSummary([first, rerun])).toContain('| models/roles/treChecks.ts | 2 | 2 | 0 | 0 | 0 | 100.0% | 100.0% |');
    const stopped = { files: { 'models/roles/treChecks.ts': { source, mutants: [mutant('1', 'NotRun', 2), mutant('2', 'NotRun', 3)] } } };
    expect(mutationSummary([first, rerun, stopped])).toContain('| models/roles/treChecks.ts | 2 | 2 | 0 | 0 | 0 | 100.0% | 100.0% |');
  });

  it('reads a stopped run from the event recorder: tested mutants by their result, the rest of the plan as not run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mutation-events-'));
    const file = join(dir, 'treChecks.ts');
    writeFileSync(file, source);
    const at = (line: number, column: number) => ({ start: { line, column }, end: { line, column: column + 5 } });
    const planned = (id: string, line: number) => ({ plan: 'Run', mutant: { id, fileName: file, mutatorName: 'ConditionalExpression', replacement: 'false', location: at(line - 1, 6) } });
    writeFileSync(join(dir, '00001-onMutationTestingPlanReady.json'), JSON.stringify({ mutantPlans: [planned('1', 2), planned('2', 3)] }));
    writeFileSync(join(dir, '00002-onMutantTested.json'), JSON.stringify({ id: '1', fileName: file, mutatorName: 'ConditionalExpression', replacement: 'false', status: 'Survived', location: at(2, 7) }));

    const md = mutationSummary([reportFromEvents(dir, dir)]);

    expect(md).toContain('| treChecks.ts | 2 | 0 | 0 | 1 | 1 | 0.0% | 0.0% |');
    expect(md).toContain('| survived | treChecks.ts:2:7 | `readBootstrap` |');
  });
});
