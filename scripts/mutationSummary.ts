// `npx tsx scripts/mutationSummary.ts <mutation.json | events dir>...`: Stryker's JSON reports
// (mutation-testing-report-schema), or the event-recorder's directory of a run stopped before its end, as the Markdown
// tables of reports/mutation.md: per file the mutants, killed, timed out, survived, not run and the score, then each
// survivor with the function it is in, the line and what Stryker changed. Timeouts are listed apart: a mutant that
// makes a search run past the limit was not caught by a property. A later report's result for the same mutant (file,
// place, mutator, replacement) replaces an earlier one: a re-run of the survivors after new scenarios.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';

interface Mutant {
  readonly id: string;
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: string;
  readonly location: { readonly start: { readonly line: number; readonly column: number }; readonly end?: { readonly line: number; readonly column: number } };
}
interface FileResult {
  readonly source: string;
  readonly mutants: readonly Mutant[];
}
type Report = { readonly files: Readonly<Record<string, FileResult>> };

const keyOf = (m: Mutant): string =>
  `${m.location.start.line}:${m.location.start.column}-${m.location.end?.line}:${m.location.end?.column}:${m.mutatorName}:${m.replacement ?? ''}`;

/** One report per file, each mutant's latest result (later reports win). */
export function mergeReports(reports: readonly Report[]): Report {
  const files: Record<string, { source: string; mutants: Map<string, Mutant> }> = {};
  for (const report of reports) {
    for (const [file, result] of Object.entries(report.files)) {
      const f = (files[file] ??= { source: result.source, mutants: new Map() });
      // Mutants alike in place and replacement within one report stay apart (the n-th matches the n-th).
      const seen = new Map<string, number>();
      for (const m of result.mutants) {
        const n = seen.get(keyOf(m)) ?? 0;
        seen.set(keyOf(m), n + 1);
        const k = `${keyOf(m)}#${n}`;
        // A mutant a stopped run never reached keeps the result an earlier run gave it.
        if (m.status !== 'NotRun' || f.mutants.get(k) === undefined) f.mutants.set(k, m);
      }
    }
  }
  return { files: Object.fromEntries(Object.entries(files).map(([file, f]) => [file, { source: f.source, mutants: [...f.mutants.values()] }])) };
}

interface MutantEvent extends Mutant {
  readonly fileName: string;
}

/** A report from Stryker's event-recorder directory: the mutants tested so far, and those planned but not yet run
 *  (status `NotRun`), with each file's source read from `root`. */
export function reportFromEvents(dir: string, root: string): Report {
  const names = readdirSync(dir).sort();
  const read = (n: string): unknown => JSON.parse(readFileSync(`${dir}/${n}`, 'utf8'));
  const planFile = names.find((n) => n.endsWith('-onMutationTestingPlanReady.json'));
  // The plan's locations are 0-based, the results' (as in the JSON report) 1-based.
  const oneBased = (p: { line: number; column: number }) => ({ line: p.line + 1, column: p.column + 1 });
  const planned = planFile === undefined ? [] : (read(planFile) as { mutantPlans: { mutant: MutantEvent & { location: { start: { line: number; column: number }; end: { line: number; column: number } } } }[] }).mutantPlans
    .map((p) => ({ ...p.mutant, location: { start: oneBased(p.mutant.location.start), end: oneBased(p.mutant.location.end) } }));
  const tested = names.filter((n) => n.endsWith('-onMutantTested.json')).map((n) => read(n) as MutantEvent);
  // Planned mutants without a result yet; mutants alike in place and replacement are counted, not told apart.
  const done = new Map<string, number>();
  for (const m of tested) done.set(`${m.fileName}|${keyOf(m)}`, (done.get(`${m.fileName}|${keyOf(m)}`) ?? 0) + 1);
  const notRun = planned.filter((m) => m.status !== 'Ignored').filter((m) => {
    const k = `${m.fileName}|${keyOf(m)}`;
    const left = done.get(k) ?? 0;
    if (left > 0) done.set(k, left - 1);
    return left === 0;
  }).map((m) => ({ ...m, status: 'NotRun' }));
  const files: Record<string, { source: string; mutants: Mutant[] }> = {};
  for (const m of [...tested, ...notRun]) {
    const file = relative(root, m.fileName);
    (files[file] ??= { source: readFileSync(m.fileName.startsWith('/') ? m.fileName : `${root}/${file}`, 'utf8'), mutants: [] }).mutants.push(m);
  }
  return { files };
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

export function mutationSummary(reports: readonly Report[]): string {
  const rows: string[] = ['| file | mutants | killed | timed out | survived | not run | score (killed) | Stryker score |', '|---|---:|---:|---:|---:|---:|---:|---:|'];
  const survivors: string[] = [];
  const totals = { all: 0, killed: 0, timeout: 0, survived: 0, notRun: 0 };
  for (const report of [mergeReports(reports)]) {
    for (const [file, result] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
      const valid = result.mutants.filter((m) => ['Killed', 'Survived', 'Timeout', 'NoCoverage', 'NotRun'].includes(m.status));
      const count = (s: string) => valid.filter((m) => m.status === s).length;
      const [killed, timeout, survived, notRun] = [count('Killed'), count('Timeout'), count('Survived') + count('NoCoverage'), count('NotRun')];
      const run = valid.length - notRun;
      totals.all += valid.length;
      totals.killed += killed;
      totals.timeout += timeout;
      totals.survived += survived;
      totals.notRun += notRun;
      rows.push(`| ${file} | ${valid.length} | ${killed} | ${timeout} | ${survived} | ${notRun} | ${pct(killed, run)} | ${pct(killed + timeout, run)} |`);
      for (const m of valid.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage' || x.status === 'Timeout')) {
        const at = m.location.start;
        const code = (m.replacement ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|');
        survivors.push(`| ${m.status === 'Timeout' ? 'timeout' : 'survived'} | ${file}:${at.line}:${at.column} | \`${functionAt(result.source, at.line)}\` | ${m.mutatorName} | \`${code.length > 70 ? `${code.slice(0, 67)}...` : code}\` |`);
      }
    }
  }
  const run = totals.all - totals.notRun;
  rows.push(`| all | ${totals.all} | ${totals.killed} | ${totals.timeout} | ${totals.survived} | ${totals.notRun} | ${pct(totals.killed, run)} | ${pct(totals.killed + totals.timeout, run)} |`);
  return [...rows, '', '| status | where | function | mutator | replaced by |', '|---|---|---|---|---|', ...survivors, ''].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    process.stderr.write('usage: tsx scripts/mutationSummary.ts <reports/mutation/<part>/mutation.json | reports/mutation/<part>/events>...\n');
    process.exit(2);
  }
  try {
    const reports = files.map((f): Report => (statSync(f).isDirectory() ? reportFromEvents(f, process.cwd()) : JSON.parse(readFileSync(f, 'utf8'))));
    process.stdout.write(mutationSummary(reports));
  } catch (e) {
    process.stderr.write(`mutation summary: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
}
