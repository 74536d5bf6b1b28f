// The SARIF logs validate against the official SARIF 2.1.0 JSON schema (OASIS, vendored in
// test/fixtures/sarif-2.1.0.json), for model checks, text findings and a baseline comparison alike.
import { readFileSync } from 'node:fs';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildSarif } from '../../src/report/writeSarif.ts';
import { compareBaseline } from '../../src/report/compareBaseline.ts';
import { collectProvenance } from '../../src/report/collectProvenance.ts';
import { reportFromCheck } from '../../src/report/fromCheck.ts';
import { reportFromFindings } from '../../src/report/fromFindings.ts';
import { checkRun } from './checkRun.ts';

const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif-2.1.0.json', import.meta.url), 'utf8')) as object;
// CommonJS modules seen from ESM: the classes are on `.default` (both packages set it beside module.exports).
const ajv = new ajvDraft04.default({ allErrors: true, strict: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(ok ? [] : validate.errors?.map((e: { instancePath: string; message?: string }) => `${e.instancePath} ${e.message}`)).toEqual([]);
}

const check = reportFromCheck({ checks: checkRun('change-via-pristine'), provenance: collectProvenance({}) });

describe('SARIF 2.1.0', () => {
  it('the schema rejects what is not SARIF (the validator can fail)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
  });

  it('a model check: one error result per violated property or failed scenario, a trace as a codeFlow', () => {
    const log = buildSarif({ report: check, traceDir: 'reports/latest/traces' });
    expectValid(log);
    const results = log.runs[0]!.results!;
    // --flow change-via-pristine runs the flow's three scenarios: the racing notice, the acknowledged one (no
    // finding), and none at all, whose honest run misses the goal by the pure step function and live alike.
    expect(results.map((r) => [r.ruleId, r.level, r.message.text?.split(':')[0]])).toEqual([
      ['HonestRunEndsAtGoal', 'error', 'change-via-pristine'],
      ['trecheck/scenario-failure', 'error', 'change-via-pristine-no-notice'],
      ['trecheck/scenario-failure', 'error', 'change-via-pristine-no-notice'],
      ['HonestRunEndsAtGoal', 'error', 'change-via-pristine-no-notice'],
    ]);
    expect(results[1]!.message.text).toContain('the honest run by the pure step function misses its goal');
    expect(results[2]!.message.text).toContain('the honest run by live actors misses its goal');
    expect(results[0]!.codeFlows![0]!.threadFlows[0]!.locations).toHaveLength(24);
    expect(results[3]!.codeFlows![0]!.threadFlows[0]!.locations).toHaveLength(22);
    expect(results[0]!.message.text).toMatch(/\d+\. m2me>ro discoveryRequest; \d+\. subscriber>ro shoSelection/);
    expect(results[0]!.message.text).toContain('Replay: trecheck replay reports/latest/traces/tr33812-alt1a.change-via-pristine.HonestRunEndsAtGoal.exhaustive.json');
    const rule = log.runs[0]!.tool.driver.rules!.find((r) => r.id === 'HonestRunEndsAtGoal');
    expect(rule?.properties?.['clauses']).toContain('004 5.1.3.7.4.3');
  });

  it('text findings: one result each, on file, line and column', () => {
    const report = reportFromFindings({
      command: 'xref',
      title: 'xref t.txt',
      files: ['t.txt'],
      findings: [
        { file: 't.txt', line: 3, column: 7, severity: 'defect', code: 'xref/void', message: 'void' },
        { file: 't.txt', severity: 'note', code: 'xref/coverage', message: 'no function references t1 cm5' },
      ],
      provenance: collectProvenance({}),
    });
    const log = buildSarif({ report, traceDir: 'x' });
    expectValid(log);
    expect(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region).toEqual({ startLine: 3, startColumn: 7 });
  });

  it('against a baseline: known results unchanged, disappeared ones absent', () => {
    const baseline = {
      format: 'trecheck-baseline/2' as const,
      findings: [
        { command: 'check', scenario: 'change-via-pristine', property: 'HonestRunEndsAtGoal', kind: 'violated' as const, detail: '', options: {} },
        { command: 'check', scenario: 'change-via-pristine', property: 'AtMostOneMcimActive', kind: 'violated' as const, detail: '', options: {} },
      ],
    };
    const log = buildSarif({ report: check, comparison: compareBaseline(check, baseline), traceDir: 'x' });
    expectValid(log);
    expect(log.runs[0]!.results!.map((r) => [r.ruleId, r.baselineState])).toEqual([
      ['HonestRunEndsAtGoal', 'unchanged'],
      // The no-notice scenario's findings are not in this baseline.
      ['trecheck/scenario-failure', 'new'],
      ['trecheck/scenario-failure', 'new'],
      ['HonestRunEndsAtGoal', 'new'],
      ['AtMostOneMcimActive', 'absent'],
    ]);
  });
});
