// The summary of Stryker's JSON report for reports/mutation.md: counts per file, timeouts apart from kills, and
// each survivor named by the function it is in.
import { describe, expect, it } from 'vitest';
import { mutationSummary } from '../../scripts/mutationSummary.ts';

const source = ['export function readBootstrap(ctx, msg) {', '  if (!macMatches(f[1], c.kPin, f[0])) return undefined;', '  return ok;', '}'].join('\n');
const mutant = (id: string, status: string, line: number) => ({ id, mutatorName: 'ConditionalExpression', replacement: 'false', status, location: { start: { line, column: 7 } } });

describe('mutation summary', () => {
  it('counts killed, timed out and survived mutants per file, leaves ignored ones out, and names each survivor\'s function', () => {
    const md = mutationSummary([{ files: { 'models/roles/treChecks.ts': { source, mutants: [mutant('1', 'Killed', 2), mutant('2', 'Survived', 2), mutant('3', 'Timeout', 3), mutant('4', 'Ignored', 3)] } } }]);

    expect(md).toContain('| models/roles/treChecks.ts | 3 | 1 | 1 | 1 | 33.3% | 66.7% |');
    expect(md).toContain('| all | 3 | 1 | 1 | 1 | 33.3% | 66.7% |');
    expect(md).toContain('| survived | models/roles/treChecks.ts:2:7 | `readBootstrap` | ConditionalExpression | `false` |');
    expect(md).toContain('| timeout | models/roles/treChecks.ts:3:7 | `readBootstrap` |');
  });
});
