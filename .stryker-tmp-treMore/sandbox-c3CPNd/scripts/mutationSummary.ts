// `npx tsx scripts/mutationSummary.ts <mutation.json>...`: Stryker's JSON reports (mutation-testing-report-schema) as
// the Markdown tables of reports/mutation.md: per file the mutants, killed, timed out, survived and the score, then
// each survivor with the function it is in, the line and what Stryker changed. Timeouts are listed apart: a mutant
// that makes a search run past the limit was not caught by a property.
import { readFileSync } from 'node:fs';

interface Mutant {
  readonly id: string;
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: string;
  readonly location: { readonly start: { readonly line: number; readonly column: number } };
}
interface FileResult {
  readonly source: string;
  readonly mutants: readonly Mutant[];
}

/** The name of the function around `line` (1-based): the nearest `function name(` or `name: (` above it. */
function functionAt(source: string, line: number): string {
  const lines = source.split('\n');
  for (let i = line - 1; i >= 0; i--) {
    const m = /function (\w+)\(/.exec(lines[i]!) ?? /^\s{0,12}(\w+): (?:\[|\{|\()/.exec(lines[i]!);
    if (m !== null) return m[1]!;
  }
  return '(top level)';
}

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);

export function mutationSummary(reports: readonly { readonly files: Readonly<Record<string, FileResult>> }[]): string {
  const rows: string[] = ['| file | mutants | killed | timed out | survived | score (killed) | Stryker score |', '|---|---:|---:|---:|---:|---:|---:|'];
  const survivors: string[] = [];
  const totals = { all: 0, killed: 0, timeout: 0, survived: 0 };
  for (const report of reports) {
    for (const [file, result] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
      const valid = result.mutants.filter((m) => ['Killed', 'Survived', 'Timeout', 'NoCoverage'].includes(m.status));
      const count = (s: string) => valid.filter((m) => m.status === s).length;
      const [killed, timeout, survived] = [count('Killed'), count('Timeout'), count('Survived') + count('NoCoverage')];
      totals.all += valid.length;
      totals.killed += killed;
      totals.timeout += timeout;
      totals.survived += survived;
      rows.push(`| ${file} | ${valid.length} | ${killed} | ${timeout} | ${survived} | ${pct(killed, valid.length)} | ${pct(killed + timeout, valid.length)} |`);
      for (const m of valid.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage' || x.status === 'Timeout')) {
        const at = m.location.start;
        const code = (m.replacement ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|');
        survivors.push(`| ${m.status === 'Timeout' ? 'timeout' : 'survived'} | ${file}:${at.line}:${at.column} | \`${functionAt(result.source, at.line)}\` | ${m.mutatorName} | \`${code.length > 70 ? `${code.slice(0, 67)}...` : code}\` |`);
      }
    }
  }
  rows.push(`| all | ${totals.all} | ${totals.killed} | ${totals.timeout} | ${totals.survived} | ${pct(totals.killed, totals.all)} | ${pct(totals.killed + totals.timeout, totals.all)} |`);
  return [...rows, '', '| status | where | function | mutator | replaced by |', '|---|---|---|---|---|', ...survivors, ''].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    process.stderr.write('usage: tsx scripts/mutationSummary.ts reports/mutation/<part>/mutation.json...\n');
    process.exit(2);
  }
  process.stdout.write(mutationSummary(files.map((f) => JSON.parse(readFileSync(f, 'utf8')))));
}
