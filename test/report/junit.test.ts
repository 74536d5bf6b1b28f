// The JUnit XML parses back (with an independent XML parser) to one test case per scenario and property,
// with failures for violations, skips for known findings, and counts that add up.
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { collectProvenance } from '../../src/report/collectProvenance.ts';
import { compareBaseline } from '../../src/report/compareBaseline.ts';
import { reportFromCheck } from '../../src/report/fromCheck.ts';
import { reportFromFindings } from '../../src/report/fromFindings.ts';
import { writeJunit } from '../../src/report/writeJunit.ts';
import { checkRun } from './checkRun.ts';

interface Case { name: string; classname: string; failure?: { '#text': string; type: string }; skipped?: unknown }
interface Suite { name: string; tests: string; failures: string; skipped: string; testcase: Case[] }
const parse = (xml: string): { testsuites: { tests: string; failures: string; testsuite: Suite[] } } =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml);

const checks = [...checkRun('change-via-old-sho'), ...checkRun('change-via-pristine')];
const report = reportFromCheck({ checks, provenance: collectProvenance({}) });

describe('JUnit XML', () => {
  it('has one suite per scenario and one case per property, the violation a failure with its trace', () => {
    const xml = parse(writeJunit({ report, traceDir: 'out/traces' }));
    const suites = xml.testsuites.testsuite;
    expect(suites.map((s) => s.name)).toEqual(checks.map((c) => c.config.name));
    for (const s of suites) expect(s.testcase.map((c) => c.name)).toEqual(['(scenario)', 'AtMostOneMcimActive', 'HonestRunEndsAtGoal', 'ProvisionedMcimNotRefused']);
    expect(suites.map((s) => s.name)).toEqual([
      'change-via-old-sho', 'change-via-old-sho-both-present', 'change-via-old-sho-no-notice',
      'change-via-pristine', 'change-via-pristine-notice-acknowledged', 'change-via-pristine-no-notice',
    ]);
    const failed = suites.flatMap((s) => s.testcase.filter((c) => c.failure !== undefined).map((c) => `${c.classname} ${c.name}`));
    expect(failed).toEqual([
      'change-via-pristine HonestRunEndsAtGoal',
      'change-via-pristine-no-notice (scenario)',
      'change-via-pristine-no-notice HonestRunEndsAtGoal',
    ]);
    const failure = suites.flatMap((s) => s.testcase).find((c) => c.failure !== undefined)!.failure!;
    expect(failure.type).toBe('violated');
    // The whole trace, numbered to its 24th step (which of the shortest interleavings is not pinned).
    expect(failure['#text']).toMatch(/ 24\. \S/);
    expect(failure['#text']).toContain('. m2me>ro registrationRequest');
    const scenarioFailure = suites.at(-1)!.testcase.find((c) => c.name === '(scenario)')!.failure!;
    expect(scenarioFailure.type).toBe('failed');
    expect(scenarioFailure['#text']).toContain('the honest run by the pure step function misses its goal');
    expect(scenarioFailure['#text']).toContain('the honest run by live actors misses its goal');
    expect(Number(xml.testsuites.tests)).toBe(suites.reduce((n, s) => n + s.testcase.length, 0));
    expect(xml.testsuites.failures).toBe('3');
  });

  it('skips a known finding under a baseline instead of failing it', () => {
    const known = (scenario: string, property: string, kind: 'violated' | 'failed', detail = '') => ({ command: 'check', scenario, property, kind, detail, options: {} });
    const noNotice = checks.find((c) => c.config.name === 'change-via-pristine-no-notice')!;
    const honestFailures = [
      `the honest run by the pure step function misses its goal: ${noNotice.honest!.pure.unmet.join('; ')}`,
      `the honest run by live actors misses its goal: ${noNotice.honest!.live.unmet.join('; ')}`,
    ];
    const pristineOnly = { format: 'trecheck-baseline/2' as const, findings: [known('change-via-pristine', 'HonestRunEndsAtGoal', 'violated')] };
    const partly = parse(writeJunit({ report, comparison: compareBaseline(report, pristineOnly), traceDir: 'out/traces' }));
    expect(partly.testsuites.failures).toBe('2');
    const baseline = {
      format: 'trecheck-baseline/2' as const,
      findings: [
        ...pristineOnly.findings,
        ...honestFailures.map((f) => known('change-via-pristine-no-notice', '(scenario)', 'failed', f)),
        known('change-via-pristine-no-notice', 'HonestRunEndsAtGoal', 'violated'),
      ],
    };
    const xml = parse(writeJunit({ report, comparison: compareBaseline(report, baseline), traceDir: 'out/traces' }));
    expect(xml.testsuites.failures).toBe('0');
    const skipped = xml.testsuites.testsuite.flatMap((s) => s.testcase).filter((c) => c.skipped !== undefined);
    expect(skipped.map((c) => `${c.classname} ${c.name}`)).toEqual([
      'change-via-pristine HonestRunEndsAtGoal',
      'change-via-pristine-no-notice (scenario)',
      'change-via-pristine-no-notice HonestRunEndsAtGoal',
    ]);
  });

  it('has one case per text finding class, escaping what XML must escape', () => {
    const text = reportFromFindings({
      command: 'xref',
      title: 'xref a&b.txt',
      files: ['a&b.txt'],
      findings: [
        { file: 'a&b.txt', line: 1, severity: 'defect', code: 'xref/malformed', message: 'malformed "[t1 <cm1]"' },
        { file: 'a&b.txt', line: 9, severity: 'defect', code: 'xref/malformed', message: 'another' },
        { file: 'a&b.txt', severity: 'note', code: 'xref/coverage', message: 'no function references t1 cm5' },
      ],
      provenance: collectProvenance({}),
    });
    const suite = parse(writeJunit({ report: text, traceDir: 'x' })).testsuites.testsuite[0]!;
    expect(suite.name).toBe('text: a&b.txt');
    expect(suite.testcase.map((c) => [c.name, c.failure === undefined ? 'pass' : 'fail'])).toEqual([
      ['xref/malformed', 'fail'],
      ['xref/coverage', 'pass'],
    ]);
    expect(suite.testcase[0]!.failure!['#text']).toContain('a&b.txt:1: defect: malformed "[t1 <cm1]"');
  });
});
