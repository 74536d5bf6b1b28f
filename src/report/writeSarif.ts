// The SARIF 2.1.0 log (typed by the official schema's definitions, @types/sarif): text findings on their
// file, line and column; one result per violated (or inconclusive) property, rule = property id with its
// clauses and counter-measures, the trace in the message and as a codeFlow; baselineState when compared.
import type * as Sarif from 'sarif';
import { findingKey, reportExitCode, scenarioProperty, strongestVerdict, type ReportFinding } from './reportFindings.ts';
import type { PropertyResult, Report, VerdictResult } from './Report.ts';
import type { RenderInput } from './RenderInput.ts';
import { sequenceStep } from './sequenceSteps.ts';
import { filesOf } from './traceFiles.ts';
import { baselineStatus } from './baselineStatus.ts';

const scenarioRule = 'trecheck/scenario-failure';

function rules(report: Report): Sarif.ReportingDescriptor[] {
  const byId = new Map<string, Sarif.ReportingDescriptor>();
  for (const s of report.scenarios) {
    if (s.failures.length > 0 && !byId.has(scenarioRule)) {
      byId.set(scenarioRule, { id: scenarioRule, shortDescription: { text: 'A scenario failed by itself (an honest run missed its goal).' } });
    }
    for (const p of s.properties) if (!byId.has(p.id)) byId.set(p.id, propertyRule(p));
  }
  for (const f of report.textFindings) {
    if (!byId.has(f.code)) byId.set(f.code, { id: f.code, shortDescription: { text: `${f.tool}: ${f.code}` }, properties: { tool: f.tool } });
  }
  return [...byId.values()];
}

function propertyRule(p: PropertyResult): Sarif.ReportingDescriptor {
  const counterMeasures = p.checks.filter((c) => /^(a3a\.)?t\d+\.cm\d+$/.test(c));
  const clauses = p.checks.filter((c) => !counterMeasures.includes(c));
  const checks = p.checks.length === 0 ? '' : ` Checks ${p.checks.join(', ')}.`;
  return {
    id: p.id,
    name: p.id,
    shortDescription: { text: p.description },
    fullDescription: { text: `${p.description}.${checks}` },
    properties: { clauses, counterMeasures, ...(p.threat === undefined ? {} : { threat: p.threat.id, ...(p.threat.risk === undefined ? {} : { risk: p.threat.risk }) }), tags: ['security', 'model-checking'] },
  };
}

const state = (status: ReturnType<typeof baselineStatus>): Sarif.Result['baselineState'] =>
  status === undefined ? undefined : status === 'known' ? 'unchanged' : status === 'changed' ? 'updated' : 'new';

function propertyResult(input: RenderInput, ruleIndex: number, scenario: string, p: PropertyResult, v: VerdictResult): Sarif.Result {
  const location: Sarif.Location[] = p.source === undefined ? [] : [{ physicalLocation: { artifactLocation: { uri: p.source } } }];
  const c = v.counterexample;
  const files = c === undefined ? undefined : filesOf(input.report, c);
  const steps = c?.trace.actions ?? [];
  const replay = files === undefined ? '' : ` Replay: trecheck replay ${input.traceDir}/${files.trace}`;
  const text =
    v.kind === 'violated'
      ? `${scenario}: ${p.id} ${v.text}.${c?.explanation === undefined ? '' : ` ${c.explanation}.`} Trace: ${steps.map((a, i) => `${i + 1}. ${a}`).join('; ')}.${replay}`
      : `${scenario}: ${p.id} ${v.text}.`;
  const baselineState = state(baselineStatus(input.comparison, { scenario, property: p.id, detail: '' }));
  const finding: ReportFinding = { scenario, property: p.id, kind: v.kind === 'violated' ? 'violated' : 'inconclusive', detail: '' };
  return {
    ruleId: p.id,
    ruleIndex,
    kind: v.kind === 'violated' ? 'fail' : 'open',
    level: v.kind === 'violated' ? 'error' : 'warning',
    message: { text },
    locations: location,
    partialFingerprints: { trecheckFinding: findingKey(finding) },
    ...(baselineState === undefined ? {} : { baselineState }),
    ...(c === undefined
      ? {}
      : {
          codeFlows: [
            {
              message: { text: `counterexample of ${steps.length} steps (${v.method})` },
              threadFlows: [
                {
                  locations: steps.map((label, i): Sarif.ThreadFlowLocation => ({
                    executionOrder: i + 1,
                    location: { message: { text: label }, ...(location[0] === undefined ? {} : { physicalLocation: location[0].physicalLocation }) },
                    kinds: [sequenceStep(label).attacker ? 'attacker' : sequenceStep(label).kind],
                  })),
                },
              ],
            },
          ],
        }),
    properties: { scenario, method: v.method, bound: v.bound, states: v.states, depth: v.depth, ...(c?.reproduce === undefined ? {} : { reproduce: c.reproduce }) },
  };
}

export function buildSarif(input: RenderInput): Sarif.Log {
  const { report, comparison } = input;
  const ruleList = rules(report);
  const index = (id: string): number => ruleList.findIndex((r) => r.id === id);
  const results: Sarif.Result[] = [];
  for (const s of report.scenarios) {
    for (const failure of s.failures) {
      const baselineState = state(baselineStatus(comparison, { scenario: s.id, property: scenarioProperty, detail: failure }));
      results.push({ ruleId: scenarioRule, ruleIndex: index(scenarioRule), kind: 'fail', level: 'error', message: { text: `${s.id}: ${failure}` }, ...(baselineState === undefined ? {} : { baselineState }) });
    }
    for (const p of s.properties) {
      const v = strongestVerdict(p);
      if (v !== undefined && (v.kind === 'violated' || v.kind === 'inconclusive')) results.push(propertyResult(input, index(p.id), s.id, p, v));
    }
  }
  for (const f of report.textFindings) {
    const region: Sarif.Region | undefined = f.line === undefined ? undefined : { startLine: f.line, ...(f.column === undefined ? {} : { startColumn: f.column }) };
    const baselineState = f.severity === 'defect' ? state(baselineStatus(comparison, { scenario: f.file, property: f.code, detail: f.message })) : undefined;
    results.push({
      ruleId: f.code,
      ruleIndex: index(f.code),
      kind: f.severity === 'defect' ? 'fail' : 'informational',
      level: f.severity === 'defect' ? 'error' : 'note',
      message: { text: f.suggestion === undefined ? f.message : `${f.message} (${f.suggestion})` },
      locations: [{ physicalLocation: { artifactLocation: { uri: f.file }, ...(region === undefined ? {} : { region }) } }],
      ...(baselineState === undefined ? {} : { baselineState }),
    });
  }
  // Accepted findings no longer found: SARIF's `absent`, so a code-scanning UI can close them.
  for (const f of comparison?.disappeared ?? []) {
    results.push({
      ruleId: f.property,
      ...(index(f.property) < 0 ? {} : { ruleIndex: index(f.property) }),
      kind: 'pass',
      level: 'none',
      baselineState: 'absent',
      message: { text: `${f.scenario}: ${f.property}${f.detail === '' ? '' : ` (${f.detail})`}: ${f.kind} in the baseline, not found now` },
    });
  }
  const exitCode = comparison?.exitCode ?? reportExitCode(report);
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'trecheck', version: report.provenance.version, semanticVersion: report.provenance.version, rules: ruleList } },
        invocations: [{ executionSuccessful: true, exitCode, commandLine: `trecheck ${report.title}` }],
        results,
        properties: { provenance: report.provenance },
      },
    ],
  };
}

export const writeSarif = (input: RenderInput): string => `${JSON.stringify(buildSarif(input), null, 2)}\n`;
