// Every report format of a real run, pinned by golden files (timings and provenance as placeholders): Lowe's
// attack found by `trecheck explore`, the 5.1.3.7.4.3 race found by check's pipeline, a secrecy violation with the
// attacker's derivation in the sequence charts, xref findings on 004.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';
import { collectProvenance } from '../../src/report/collectProvenance.ts';
import { reportFromCheck } from '../../src/report/fromCheck.ts';
import { renderReport } from '../../src/report/writeReports.ts';
import { seed } from '../cli/textTranscript.ts';
import { describeWithSeeds } from '../text/textFixtures.ts';
import { planCheck } from '../../src/cli/check/planCheck.ts';
import { runCheckJob } from '../../src/cli/check/runCheckJob.ts';
import { checkRun } from './checkRun.ts';
import { expectReportGolden, placeholders } from './reportGolden.ts';

const all = ['--format', 'md,html,json,sarif', '--format', 'junit', '--no-baseline'];

describe('report writers on Lowe\'s attack (explore needham-schroeder)', async () => {
  const out = mkdtempSync(join(tmpdir(), 'trecheck-writers-'));
  const run = await runCliCaptured(['explore', 'needham-schroeder', '--workers', '1', '--out', out, ...all]);

  it('exits 1 and says where the reports are', () => {
    expect(run.code).toBe(1);
    expect(placeholders(run.stdout, out)).toContain('reports: <out>/report.md, <out>/report.html, <out>/report.json, <out>/report.sarif, <out>/junit.xml; 6 trace file(s) in <out>/traces\n');
  });

  for (const file of ['report.md', 'report.html', 'report.json', 'report.sarif', 'junit.xml']) {
    it(`writes ${file} as the golden file says`, () => {
      expectReportGolden(`explore-ns.${file}`, placeholders(readFileSync(join(out, file), 'utf8'), out));
    });
  }

  it('writes each counterexample as a replayable trace, an ITF trace and a Mermaid sequence diagram', () => {
    const stem = 'needham-schroeder.ResponderAgreesWithInitiator.exhaustive';
    expect(readdirSync(join(out, 'traces')).sort()).toContain(`${stem}.itf.json`);
    expectReportGolden(`explore-ns.${stem}.itf.json`, readFileSync(join(out, 'traces', `${stem}.itf.json`), 'utf8'));
    expectReportGolden(`explore-ns.${stem}.mmd`, readFileSync(join(out, 'traces', `${stem}.mmd`), 'utf8'));
  });

  it('re-renders the saved report.json to the same files without re-running (trecheck report)', async () => {
    const again = mkdtempSync(join(tmpdir(), 'trecheck-rerender-'));
    const r = await runCliCaptured(['report', join(out, 'report.json'), '--out', again, '--no-baseline']);
    expect(r.code).toBe(1);
    for (const file of ['report.md', 'report.sarif', 'junit.xml', 'traces/needham-schroeder.ResponderAgreesWithInitiator.exhaustive.itf.json']) {
      expect(readFileSync(join(again, file), 'utf8').split(again).join('<out>').split(out).join('<out>')).toBe(readFileSync(join(out, file), 'utf8').split(out).join('<out>'));
    }
  });
});

describeWithSeeds('report writers on the text tools', () => {
  it('xref 004: SARIF results on file and line', async () => {
    const out = mkdtempSync(join(tmpdir(), 'trecheck-writers-'));
    const r = await runCliCaptured(['xref', seed('004'), '--out', out, '--format', 'sarif', '--format', 'md', '--no-baseline']);
    expect(r.code).toBe(1);
    const seeds = join(seed('004'), '..');
    // SARIF URIs are relative to the working folder: the seeds' folder seen from here, whichever it is.
    const fix = (t: string): string => placeholders(t, out).split(seeds).join('<seeds>').split(relative(process.cwd(), seeds).split(sep).join('/')).join('<seeds>');
    expectReportGolden('xref-004.report.sarif', fix(readFileSync(join(out, 'report.sarif'), 'utf8')));
    expectReportGolden('xref-004.report.md', fix(readFileSync(join(out, 'report.md'), 'utf8')));
  });

  it('xref 004: the same fingerprints wherever the text sits (another clone, CI\'s folder)', async () => {
    const fingerprints = async (file: string): Promise<string[]> => {
      const out = mkdtempSync(join(tmpdir(), 'trecheck-fingerprints-'));
      await runCliCaptured(['xref', file, '--out', out, '--format', 'sarif', '--no-baseline']);
      const sarif = JSON.parse(readFileSync(join(out, 'report.sarif'), 'utf8')) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] };
      return sarif.runs[0]!.results.map((r) => r.partialFingerprints['trecheckFinding/v1']!);
    };
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'trecheck-elsewhere-')), basename(seed('004')));
    copyFileSync(seed('004'), elsewhere);
    const here = await fingerprints(seed('004'));
    expect(here.length).toBeGreaterThan(0);
    expect(await fingerprints(elsewhere)).toEqual(here);
  });
});

describe('reportFromCheck on a real check run (change-via-pristine)', () => {
  const report = reportFromCheck({ checks: checkRun('change-via-pristine'), provenance: collectProvenance({ flow: 'change-via-pristine' }) });

  it('carries the scenario, its three properties, the 24-step counterexample re-checked on live actors', () => {
    expect(report.scenarios.map((x) => x.id)).toEqual(['change-via-pristine', 'change-via-pristine-notice-acknowledged', 'change-via-pristine-no-notice']);
    const [s, acknowledged, none] = report.scenarios;
    expect(s!.id).toBe('change-via-pristine');
    expect(s!.failures).toEqual([]);
    expect(s!.properties.map((p) => [p.id, p.verdicts[0]!.kind])).toEqual([
      ['AtMostOneMcimActive', 'holds-exhaustively'],
      ['HonestRunEndsAtGoal', 'violated'],
      ['ProvisionedMcimNotRefused', 'holds-exhaustively'],
    ]);
    // The known finding about the text travels with the description.
    expect(s!.properties[1]!.description).toContain('known finding about the text');
    expect(acknowledged!.failures).toEqual([]);
    expect(acknowledged!.properties.map((p) => p.verdicts[0]!.kind)).toEqual(['holds-exhaustively', 'holds-exhaustively', 'holds-exhaustively']);
    expect(none!.failures).toHaveLength(2);
    expect(none!.properties.map((p) => p.verdicts[0]!.kind)).toEqual(['holds-exhaustively', 'violated', 'holds-exhaustively']);
    const v = s!.properties[1]!.verdicts[0]!;
    expect(v.counterexample?.trace.actions).toHaveLength(24);
    expect(v.counterexample).toMatchObject({ replayed: 'reproduced', liveAgrees: true });
    expect(s!.properties[1]!.source).toBe('properties/HonestRunEndsAtGoal.ts');
    expect(s!.properties[1]!.checks).toContain('004 5.1.3.7.4.3');
  });

  for (const format of ['md', 'junit'] as const) {
    it(`renders ${format} as the golden file says`, () => {
      expectReportGolden(`check-change-via-pristine.${format === 'md' ? 'report.md' : 'junit.xml'}`, placeholders(renderReport(format, { report, traceDir: 'reports/latest/traces' })));
    });
  }
});

describe('reportFromCheck on a secrecy violation (t5-replaced-tre, t5.cm2 off): the attacker\'s derivation in the charts', () => {
  const plan = planCheck({ threat: ['t5'], off: ['t5.cm2'], property: ['McimSecretNeverLeaves'] });
  const checks = plan.jobs.filter((j) => j.config.name === 't5-replaced-tre').map((job) => runCheckJob(job, plan.search));
  const report = reportFromCheck({ checks, provenance: collectProvenance({ threat: ['t5'], off: ['t5.cm2'] }) });
  const c = report.scenarios[0]!.properties[0]!.verdicts[0]!.counterexample!;

  it('carries the derivation with the trace step after which each term it used was read', () => {
    const d = c.derivations!.find((x) => x.secret === 'ki:sho1')!;
    expect(d.steps.at(-1)).toMatch(/^ki:sho1: projection of /);
    const read = d.readAt!.findIndex((s) => s !== null);
    expect(d.steps[read]).toMatch(/^read /);
    // Read on the step at which the RO took the SHO's authorisation and sent the MCIM object on the network.
    expect(c.trace.actions[d.readAt![read]! - 1]).toMatch(/^sho1>ro provisioningAuthorisation \w{8}$/);
  });

  it('draws the reads in the attacker\'s lane and the derivation after the trace, in the Mermaid chart and the SVG', () => {
    const md = renderReport('md', { report, traceDir: 'reports/latest/traces' });
    expect(md).toMatch(/\n {2}Note over attacker: read sign\(/);
    expect(md).toContain('  Note over attacker: the attacker derives ki:sho1:\n');
    const html = renderReport('html', { report, traceDir: 'reports/latest/traces' });
    expect(html).toMatch(/<g class="read"><title>after step \d+ the attacker holds:\nread sign\(/);
    expect(html).toContain('font-weight="bold">the attacker derives ki:sho1:</text>');
    expect(html).toContain('<ol class="derivation">');
  });

  for (const format of ['md', 'html'] as const) {
    it(`renders ${format} as the golden file says`, () => {
      expectReportGolden(`check-t5-replaced-tre-secret.report.${format}`, placeholders(renderReport(format, { report, traceDir: 'reports/latest/traces' })));
    });
  }
});
