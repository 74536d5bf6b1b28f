// JUnit XML for CI dashboards: one test suite per scenario with one test case per property, one suite per
// text file with one test case per finding class (code). Known findings under a baseline are skipped, not
// failed; a finding that disappeared is a failed test case of its own. Built with xmlbuilder2 (escaping).
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { describeComparison } from './compareBaseline.ts';
import { verdictInScope } from './describeScope.ts';
import { recheckRows } from './recheckLines.ts';
import { baselineStatus } from './baselineStatus.ts';
import type { RenderInput } from './RenderInput.ts';
import { scenarioProperty, strongestVerdict } from './reportFindings.ts';
import { filesOf } from './traceFiles.ts';

const seconds = (millis: number): string => (millis / 1000).toFixed(3);

interface Case {
  readonly name: string;
  readonly classname: string;
  readonly millis: number;
  readonly outcome: { readonly kind: 'pass' } | { readonly kind: 'failure' | 'skipped'; readonly type: string; readonly message: string; readonly body: string };
  readonly out: string;
}

function cases({ report, comparison, traceDir }: RenderInput): Map<string, Case[]> {
  const suites = new Map<string, Case[]>();
  const add = (suite: string, c: Case): void => void suites.set(suite, [...(suites.get(suite) ?? []), c]);
  for (const s of report.scenarios) {
    const failuresKnown = s.failures.every((f) => baselineStatus(comparison, { scenario: s.id, property: scenarioProperty, detail: f }) === 'known');
    if (s.failures.length > 0 || s.notes.length > 0) {
      add(s.id, {
        name: '(scenario)',
        classname: s.id,
        millis: 0,
        outcome: s.failures.length === 0 ? { kind: 'pass' } : { kind: failuresKnown ? 'skipped' : 'failure', type: 'failed', message: s.failures.join('; '), body: s.failures.join('\n') },
        out: s.notes.join('\n'),
      });
    }
    for (const p of s.properties) {
      const v = strongestVerdict(p);
      const millis = p.verdicts.reduce((n, x) => n + x.millis, 0);
      const out = p.verdicts.map((x) => `${x.method}: ${verdictInScope(x.text, s.scope)}`).join('\n');
      if (v === undefined || (v.kind !== 'violated' && v.kind !== 'inconclusive')) {
        add(s.id, { name: p.id, classname: s.id, millis, outcome: { kind: 'pass' }, out });
        continue;
      }
      const c = v.counterexample;
      const files = c === undefined ? undefined : filesOf(report, c);
      const body = [
        verdictInScope(v.text, s.scope),
        ...(c?.explanation === undefined ? [] : [c.explanation]),
        ...(c === undefined ? [] : c.trace.actions.map((a, i) => `${String(i + 1).padStart(3)}. ${a}`)),
        ...(files === undefined ? [] : [`replay: trecheck replay ${traceDir}/${files.trace}`]),
        ...(c?.reproduce === undefined ? [] : [`reproduce: ${c.reproduce}`]),
      ].join('\n');
      const status = baselineStatus(comparison, { scenario: s.id, property: p.id, detail: '' });
      const message = `${verdictInScope(v.text, s.scope)}${status === 'known' ? ' (known finding, accepted in the baseline)' : ''}`;
      add(s.id, { name: p.id, classname: s.id, millis, outcome: { kind: status === 'known' ? 'skipped' : 'failure', type: v.kind, message, body }, out });
    }
  }
  for (const file of report.textFiles) {
    const findings = report.textFindings.filter((f) => f.file === file);
    const codes = [...new Set(findings.map((f) => f.code))];
    if (codes.length === 0) add(`text: ${file}`, { name: 'no findings', classname: file, millis: 0, outcome: { kind: 'pass' }, out: '' });
    for (const code of codes) {
      const ofCode = findings.filter((f) => f.code === code);
      const defects = ofCode.filter((f) => f.severity === 'defect');
      const lines = ofCode.map((f) => `${f.file}${f.line === undefined ? '' : `:${f.line}`}${f.column === undefined ? '' : `:${f.column}`}: ${f.severity}: ${f.message}`);
      const open = defects.filter((f) => baselineStatus(comparison, { scenario: f.file, property: f.code, detail: f.message }) !== 'known');
      const outcome: Case['outcome'] =
        defects.length === 0
          ? { kind: 'pass' }
          : { kind: open.length === 0 ? 'skipped' : 'failure', type: 'defect', message: `${defects.length} defect(s)${open.length === 0 ? ', all known (baseline)' : ''}`, body: lines.join('\n') };
      add(`text: ${file}`, { name: code, classname: file, millis: 0, outcome, out: lines.join('\n') });
    }
  }
  // diff --check: each re-run verdict a test case, failed when it changed against the baseline.
  for (const r of report.recheck === undefined ? [] : recheckRows(report.recheck)) {
    const line = `${r.scenario} ${r.property} (touched at ${r.where}): before ${r.old}, now ${r.new}: ${r.text}`;
    add('diff --check', { name: `${r.scenario} ${r.property}`, classname: 'recheck', millis: 0, outcome: r.changed ? { kind: 'failure', type: 'changed', message: line, body: line } : { kind: 'pass' }, out: line });
  }
  if (comparison !== undefined && comparison.disappeared.length > 0) {
    for (const line of describeComparison({ ...comparison, known: [], new: [], changed: [] })) {
      add('baseline', { name: line.split(':').slice(1, 2).join('').trim(), classname: 'baseline', millis: 0, outcome: { kind: 'failure', type: 'disappeared', message: line, body: line }, out: '' });
    }
  }
  return suites;
}

function testcase(suite: XMLBuilder, c: Case): void {
  const tc = suite.ele('testcase', { name: c.name, classname: c.classname, time: seconds(c.millis) });
  if (c.outcome.kind !== 'pass') tc.ele(c.outcome.kind, { type: c.outcome.type, message: c.outcome.message }).txt(c.outcome.body);
  if (c.out !== '') tc.ele('system-out').txt(c.out);
}

export function writeJunit(input: RenderInput): string {
  const suites = cases(input);
  const all = [...suites.values()].flat();
  const count = (cs: readonly Case[], kind: string): number => cs.filter((c) => c.outcome.kind === kind).length;
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele('testsuites', {
    name: `trecheck ${input.report.title}`,
    tests: all.length,
    failures: count(all, 'failure'),
    errors: 0,
    // No `skipped` here: Jenkins' junit-10.xsd allows it on testsuite only.
    time: seconds(all.reduce((n, c) => n + c.millis, 0)),
  });
  for (const [name, cs] of suites) {
    const suite = root.ele('testsuite', {
      name,
      tests: cs.length,
      failures: count(cs, 'failure'),
      errors: 0,
      skipped: count(cs, 'skipped'),
      time: seconds(cs.reduce((n, c) => n + c.millis, 0)),
    });
    for (const c of cs) testcase(suite, c);
  }
  return `${doc.end({ prettyPrint: true })}\n`;
}
