// The SARIF 2.1.0 log (typed by the official schema's definitions, @types/sarif), shaped so that GitHub code scanning
// accepts it (`sarif-multitool validate --rule-kind "Gh;Sarif"`, test/report/sarifMultitool.test.ts): every result
// located (a text finding on its file, line and column; a model finding at the property's definition line, its
// codeFlow steps at the model transitions they take; a scenario failure at the scenario's definition), every rule
// with a full description and help, a fingerprint on every result, and URIs relative to the folder trecheck ran in
// (uriBaseId SRCROOT). baselineState when compared, `absent` for an accepted finding no longer found.
import { createHash } from 'node:crypto';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import type * as Sarif from 'sarif';
import { packageRoot } from '../package/packageRoot.ts';
import { baselineStatus } from './baselineStatus.ts';
import { describeScope } from './describeScope.ts';
import type { RenderInput } from './RenderInput.ts';
import type { PropertyResult, Report, ScenarioResult, SourceLine, TextFinding, VerdictResult } from './Report.ts';
import { findingKey, reportExitCode, scenarioProperty, strongestVerdict, type ReportFinding } from './reportFindings.ts';
import { sequenceStep } from './sequenceSteps.ts';
import { textRule } from './textRules.ts';
import { filesOf } from './traceFiles.ts';

const scenarioRule = 'trecheck/scenario-failure';
const recheckRule = 'trecheck/affected-property';
const base = 'SRCROOT';

/** A URI relative to the working folder: a text file as the user named it, a model file of the package. */
function uriOf(file: string, inPackage: boolean): string {
  const full = inPackage ? join(packageRoot(), file) : file;
  const rel = isAbsolute(full) ? relative(process.cwd(), full) : full;
  return rel.split(sep).join('/').split('/').map(encodeURIComponent).join('/');
}

function physical(file: string, inPackage: boolean, line?: number, column?: number): Sarif.PhysicalLocation {
  return {
    artifactLocation: { uri: uriOf(file, inPackage), uriBaseId: base },
    ...(line === undefined ? {} : { region: { startLine: line, ...(column === undefined ? {} : { startColumn: column }) } }),
  };
}

const fromSource = (s: SourceLine): Sarif.PhysicalLocation => physical(s.file, true, s.line);

/** A property's location: its definition line, else the scenario's; a logical location when neither is known. */
function propertyLocation(s: ScenarioResult, p: PropertyResult | undefined): Sarif.Location {
  if (p?.source !== undefined) return { physicalLocation: physical(p.source, true, p.sourceLine ?? 1) };
  if (s.source !== undefined) return { physicalLocation: fromSource(s.source) };
  return { logicalLocations: [{ name: p === undefined ? s.id : `${s.id}/${p.id}`, kind: 'object' }] };
}

function scenarioLocation(s: ScenarioResult): Sarif.Location {
  return s.source === undefined ? { logicalLocations: [{ name: s.id, kind: 'object' }] } : { physicalLocation: fromSource(s.source) };
}

const textLocation = (f: Pick<TextFinding, 'file' | 'line' | 'column'>): Sarif.Location => ({ physicalLocation: physical(f.file, false, f.line ?? 1, f.column) });

/** A stable fingerprint: what identifies the finding (never counts or timings), hashed. */
const fingerprint = (key: string): Record<string, string> => ({ 'trecheckFinding/v1': createHash('sha256').update(key).digest('hex').slice(0, 32) });

function propertyRule(p: PropertyResult): Sarif.ReportingDescriptor {
  const counterMeasures = p.checks.filter((c) => /^(a3a\.)?t\d+\.cm\d+$/.test(c));
  const clauses = p.checks.filter((c) => !counterMeasures.includes(c));
  const checks = p.checks.length === 0 ? '' : ` Checks ${p.checks.join(', ')}.`;
  const help =
    `${p.description}.${checks} A violation comes with its counterexample trace (the codeFlow; saved under traces/): ` +
    're-execute it with `trecheck replay TRACE.json`. A finding about the text that is already known is accepted in reports/baseline.json.';
  return {
    id: p.id,
    shortDescription: { text: p.description },
    fullDescription: { text: `${p.description}.${checks}` },
    help: { text: help, markdown: help },
    properties: { clauses, counterMeasures, ...(p.threat === undefined ? {} : { threat: p.threat.id, ...(p.threat.risk === undefined ? {} : { risk: p.threat.risk }) }), tags: ['security', 'model-checking'] },
  };
}

const recheckRuleDescriptor: Sarif.ReportingDescriptor = {
  id: recheckRule,
  name: 'AffectedPropertyRerun',
  shortDescription: { text: 'A property the text change affects, re-run.' },
  fullDescription: { text: 'diff --check re-ran the properties that check the counter-measures of changed requirements; the result lists each verdict before (as the baseline accepted it) and now, and is an error when one changed.' },
  help: { text: 'Read the re-run in the report (md, html, junit) or re-run it with `trecheck check --property ID`; accept a changed verdict with --update-baseline only if the text change is meant.' },
};

const scenarioRuleDescriptor: Sarif.ReportingDescriptor = {
  id: scenarioRule,
  name: 'ScenarioFailure',
  shortDescription: { text: 'A scenario failed by itself.' },
  fullDescription: { text: 'A scenario failed apart from its properties: its honest run missed its goal, the pure step function and live actors disagreed, or no state reaching the goal exists (every claim would hold vacuously).' },
  help: { text: 'Run `trecheck check --flow NAME` (or --config FILE) to see the honest run step by step; a known gap of the text is accepted in reports/baseline.json.' },
};

function textRuleDescriptor(code: string, tool: string): Sarif.ReportingDescriptor {
  const r = textRule(code, tool);
  return {
    id: code,
    name: code.replace(/[^A-Za-z0-9]+(.)/g, (_m, c: string) => c.toUpperCase()),
    shortDescription: { text: r.short },
    fullDescription: { text: r.full },
    help: { text: `${r.full} Run \`trecheck ${tool} FILE\` to see every finding with its suggestion.` },
    ...(r.level === undefined ? {} : { defaultConfiguration: { level: r.level } }),
    properties: { tool },
  };
}

function rules(report: Report, disappeared: readonly ReportFinding[]): Sarif.ReportingDescriptor[] {
  const byId = new Map<string, Sarif.ReportingDescriptor>();
  for (const s of report.scenarios) {
    if (s.failures.length > 0 && !byId.has(scenarioRule)) byId.set(scenarioRule, scenarioRuleDescriptor);
    for (const p of s.properties) if (!byId.has(p.id)) byId.set(p.id, propertyRule(p));
  }
  for (const f of report.textFindings) if (!byId.has(f.code)) byId.set(f.code, textRuleDescriptor(f.code, f.tool));
  if ((report.recheck?.properties.length ?? 0) > 0) byId.set(recheckRule, recheckRuleDescriptor);
  for (const f of disappeared) {
    const id = f.property === scenarioProperty ? scenarioRule : f.property;
    if (byId.has(id)) continue;
    byId.set(id, id === scenarioRule ? scenarioRuleDescriptor : f.kind === 'defect' ? textRuleDescriptor(id, report.command) : { id, shortDescription: { text: `Property ${id}.` }, fullDescription: { text: `Property ${id}, accepted as a finding in the baseline.` }, help: { text: 'Update the baseline (--update-baseline) if it was fixed.' } });
  }
  return [...byId.values()];
}

const state = (status: ReturnType<typeof baselineStatus>): Sarif.Result['baselineState'] =>
  status === undefined ? undefined : status === 'known' ? 'unchanged' : status === 'changed' ? 'updated' : 'new';

function codeFlow(v: VerdictResult): Sarif.CodeFlow[] | undefined {
  const c = v.counterexample;
  if (c === undefined) return undefined;
  const steps = c.trace.actions;
  return [
    {
      message: { text: `counterexample of ${steps.length} steps (${v.method})` },
      threadFlows: [
        {
          locations: steps.map((label, i): Sarif.ThreadFlowLocation => {
            const at = c.stepSources?.[i] ?? null;
            const step = sequenceStep(label);
            return { executionOrder: i + 1, location: { message: { text: label }, ...(at === null ? {} : { physicalLocation: fromSource(at) }) }, kinds: [step.attacker ? 'attacker' : step.kind] };
          }),
        },
      ],
    },
  ];
}

function propertyResult(input: RenderInput, ruleIndex: number, s: ScenarioResult, p: PropertyResult, v: VerdictResult): Sarif.Result {
  const c = v.counterexample;
  const files = c === undefined ? undefined : filesOf(input.report, c);
  const steps = c?.trace.actions ?? [];
  const replay = files === undefined ? '' : ` Replay: trecheck replay ${input.traceDir}/${files.trace}`;
  const scope = s.scope === undefined ? '' : ` Scope: ${describeScope(s.scope)}.`;
  const text =
    v.kind === 'violated'
      ? `${s.id}: ${p.id} ${v.text}.${scope}${c?.explanation === undefined ? '' : ` ${c.explanation}.`} Trace: ${steps.map((a, i) => `${i + 1}. ${a}`).join('; ')}.${replay}`
      : `${s.id}: ${p.id} ${v.text}.${scope}`;
  const baselineState = state(baselineStatus(input.comparison, { scenario: s.id, property: p.id, detail: '' }));
  const finding: ReportFinding = { scenario: s.id, property: p.id, kind: v.kind === 'violated' ? 'violated' : 'inconclusive', detail: '' };
  const flows = codeFlow(v);
  return {
    ruleId: p.id,
    ruleIndex,
    kind: v.kind === 'violated' ? 'fail' : 'open',
    level: v.kind === 'violated' ? 'error' : 'warning',
    message: { text },
    locations: [propertyLocation(s, p)],
    partialFingerprints: fingerprint(findingKey(finding)),
    ...(baselineState === undefined ? {} : { baselineState }),
    ...(flows === undefined ? {} : { codeFlows: flows }),
    properties: {
      scenario: s.id, method: v.method, bound: v.bound, states: v.states, depth: v.depth,
      ...(s.scope === undefined ? {} : { scope: s.scope }),
      ...(c?.reproduce === undefined ? {} : { reproduce: c.reproduce }),
    },
  };
}

/** Where an accepted finding that disappeared would be: at what the report says about its property, scenario or file. */
function disappearedLocation(report: Report, f: ReportFinding): Sarif.Location {
  if (f.kind === 'defect') return textLocation({ file: f.scenario });
  const s = report.scenarios.find((x) => x.id === f.scenario);
  if (s === undefined) return { logicalLocations: [{ name: `${f.scenario}/${f.property}`, kind: 'object' }] };
  return f.property === scenarioProperty ? scenarioLocation(s) : propertyLocation(s, s.properties.find((p) => p.id === f.property));
}

export function buildSarif(input: RenderInput): Sarif.Log {
  const { report, comparison } = input;
  const disappeared = comparison?.disappeared ?? [];
  const ruleList = rules(report, disappeared);
  const index = (id: string): number => ruleList.findIndex((r) => r.id === id);
  const results: Sarif.Result[] = [];
  for (const s of report.scenarios) {
    for (const failure of s.failures) {
      const finding: ReportFinding = { scenario: s.id, property: scenarioProperty, kind: 'failed', detail: failure };
      const baselineState = state(baselineStatus(comparison, finding));
      results.push({
        ruleId: scenarioRule,
        ruleIndex: index(scenarioRule),
        kind: 'fail',
        level: 'error',
        message: { text: `${s.id}: ${failure}` },
        locations: [scenarioLocation(s)],
        partialFingerprints: fingerprint(findingKey(finding)),
        ...(baselineState === undefined ? {} : { baselineState }),
      });
    }
    for (const p of s.properties) {
      const v = strongestVerdict(p);
      if (v !== undefined && (v.kind === 'violated' || v.kind === 'inconclusive')) results.push(propertyResult(input, index(p.id), s, p, v));
    }
  }
  for (const f of report.textFindings) {
    const baselineState = f.severity === 'defect' ? state(baselineStatus(comparison, { scenario: f.file, property: f.code, detail: f.message })) : undefined;
    results.push({
      ruleId: f.code,
      ruleIndex: index(f.code),
      kind: f.severity === 'defect' ? 'fail' : f.severity === 'warning' ? 'review' : 'informational',
      level: f.severity === 'defect' ? 'error' : f.severity === 'warning' ? 'warning' : 'note',
      message: { text: f.suggestion === undefined ? f.message : `${f.message} (${f.suggestion})` },
      locations: [textLocation(f)],
      // The file's name, not its path: the same finding where the text sits elsewhere (another clone, CI's folder).
      partialFingerprints: fingerprint(JSON.stringify([basename(f.file), f.code, f.message])),
      ...(baselineState === undefined ? {} : { baselineState }),
    });
  }
  // diff --check: one result per affected property at the edited line that touched it, with its verdicts before and now.
  const recheck = report.recheck;
  for (const p of recheck?.properties ?? []) {
    const verdicts = (recheck?.verdicts ?? []).filter((v) => v.property === p.id);
    const changed = verdicts.some((v) => v.changed);
    results.push({
      ruleId: recheckRule,
      ruleIndex: index(recheckRule),
      kind: changed ? 'fail' : 'informational',
      level: changed ? 'error' : 'note',
      message: { text: `${p.id} (checks ${p.counterMeasures.join(', ')}) re-run: ${verdicts.map((v) => `${v.scenario} ${v.old} -> ${v.new}${v.changed ? ' (CHANGED)' : ''}`).join('; ')}. ${recheck?.summary ?? ''}.` },
      locations: [textLocation({ file: p.file, line: p.line })],
      partialFingerprints: fingerprint(JSON.stringify(['recheck', basename(p.file), p.id])),
      properties: { verdicts },
    });
  }
  // Accepted findings no longer found: SARIF's `absent`, so a code-scanning UI can close them.
  for (const f of disappeared) {
    const ruleId = f.property === scenarioProperty ? scenarioRule : f.property;
    results.push({
      ruleId,
      ruleIndex: index(ruleId),
      kind: 'pass',
      level: 'none',
      baselineState: 'absent',
      message: { text: `${f.scenario}: ${f.property}${f.detail === '' ? '' : ` (${f.detail})`}: ${f.kind} in the baseline, not found now` },
      locations: [disappearedLocation(report, f)],
      partialFingerprints: fingerprint(f.kind === 'defect' ? JSON.stringify([f.scenario, f.property, f.detail]) : findingKey(f)),
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
        originalUriBaseIds: { [base]: { description: { text: 'The folder trecheck ran in (the repository root in CI): every URI is relative to it.' } } },
        results,
        properties: { provenance: report.provenance },
      },
    ],
  };
}

export const writeSarif = (input: RenderInput): string => `${JSON.stringify(buildSarif(input), null, 2)}\n`;
