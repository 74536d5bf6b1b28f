// `trecheck check` transcripts: the default run (flows and the threat suite, once), a good run, an attack with its
// saved trace and the replay that reproduces it, known findings under the shipped and an updated baseline, search
// bounds, JSON, one-line errors for bad input, and `diff --check`, which re-runs check for the affected properties.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { switches } from '../../models/counterMeasures/switches.ts';
import type { CliContext } from '../../src/cli/CliContext.ts';
import { runCheckReport } from '../../src/cli/commands/check.ts';
import { registerDiffWith } from '../../src/cli/commands/diff.ts';
import { runCliCaptured } from '../../src/cli/main.ts';
import { packageRoot } from '../../src/package/packageRoot.ts';
import type { PropertyCoverage } from '../../src/text/PropertyCoverage.ts';

const root = mkdtempSync(join(tmpdir(), 'trecheck-check-'));
let runs = 0;

/** A file in the test's temporary folder. */
function file(name: string, text: string): string {
  const p = join(root, name);
  writeFileSync(p, text);
  return p;
}

/** `trecheck check ...` with its own --out folder, so nothing is written into the repository. */
async function check(...args: string[]): Promise<{ code: number; stdout: string; stderr: string; out: string }> {
  const out = join(root, `run-${++runs}`);
  return { ...(await runCliCaptured(['check', ...args, '--out', out])), out };
}

/** Output with the run's folder and the timings replaced by placeholders. */
const placeholders = (text: string, out: string): string => text.split(out).join('<out>').replace(/\d+ ms\b/g, '<ms> ms');

const attackTrace = (out: string): string => join(out, 'traces', 'tr33812-alt1a.t6-firmware.TreFirmwareOnlyFromSupplier.exhaustive.json');

describe('trecheck check: the default run', () => {
  it('runs the 13 flow scenarios and the 12 threats, and exits 0 with only the known findings the shipped baseline accepts', async () => {
    const r = await check();

    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^trecheck check: 13 flow scenario\(s\), 12 threat\(s\) in 42 scenario\(s\)\n/);
    expect(r.stdout).toContain('\n11 of 13 honest run(s) reach their goal.\n');
    expect(r.stdout).toContain('\nsanity: every attacked scenario can still reach its goal.\n');
    expect(r.stdout).toContain('\n298 verdicts: 270 without violation, 28 violated (28 known finding(s) about the text, 0 other).\n');
    // One search per flow scenario, in the order of models/flows/presets.ts (the threat searches follow).
    const flows = r.stdout.slice(0, r.stdout.indexOf('Threats of Alternative 1'));
    const counts = [...flows.matchAll(/^ {2}exhaustive search: ([\d,]+) states/gm)].map((m) => Number(m[1]!.replace(/,/g, '')));
    expect(counts).toEqual([329, 329, 261, 103, 103, 171, 58, 45, 35, 381, 4065, 3309, 4065]);
    expect(flows).toContain('change-via-pristine-no-notice: flow change-via-pristine; no attacker; every counter-measure on\n  honest run: GOAL NOT REACHED in 22 steps');
    // Every threat of Alternative 1 under its heading with its risk, in order.
    const headings = [...r.stdout.matchAll(/^t(\d+) .+: risk (critical|major) \(likelihood [\d or]+ x impact [\d or]+ = [\d or]+\)$/gm)].map((m) => Number(m[1]));
    expect(headings).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(r.stdout).toContain('\nt2 Attacking the MCIM provisioning process to obtain MCIMs: risk critical (likelihood 4 x impact 3 = 12)\n');
    expect(r.stdout).toContain('\nt5 Replacing a TRE in an M2ME by another TRE or an emulation: risk major (likelihood 2 x impact 2 or 3 = 4 or 6)\n');
    const baselineLines = r.stdout.split('\n').filter((l) => l.startsWith('baseline: '));
    // 32 findings of Alternative 1a, 8 of Alternative 3a's suite (docs/alternatives.md).
    expect(baselineLines).toHaveLength(40);
    expect(baselineLines.filter((l) => l.includes(' a3a-'))).toHaveLength(8);
    expect(r.stdout).toContain('\nThreats of Alternative 3a (003 7.1.2.3.1.3');
    expect(baselineLines.every((l) => l.startsWith('baseline: known: '))).toBe(true);
    // The whole default run: about 20 s on an idle 2-core machine, up to 60 s when other jobs share the cores.
  }, 180_000);
});

describe('trecheck check: verdicts and exit codes', () => {
  it('exits 0 for a flow whose honest runs reach their goal and whose properties hold over the whole state space', async () => {
    const r = await check('--flow', 'change-via-old-sho-both-present');

    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(placeholders(r.stdout, r.out)).toBe(
      [
        'trecheck check: 1 flow scenario(s), 0 threat(s) in 0 scenario(s)',
        '',
        'Flows of 004 (5.1.3.6, 5.1.3.7, Annex x.1) and scenario files: the honest run, pure and live (without attacker or faults), then every interleaving searched',
        '',
        'change-via-old-sho-both-present: flow change-via-old-sho; no attacker; every counter-measure on',
        '  honest run: goal reached in 26 steps (live actors: 26 steps, same final states)',
        '  TRE registry: mcim:sho1 Blocked, mcim:sho2 Activated; sho2: Serving, report success; old SHO sho1: Released',
        '  exhaustive search: 103 states, 126 transitions, depth 26, <ms> ms; partial-order reduction: 72 of 198 steps left out (every state still explored, at its depth)',
        '  AtMostOneMcimActive [004 5.1.3.7.2, 004 5.1.1.1]: holds for every trace up to depth 26 (complete: 103 states, the whole reachable state space); scope: within 0 injections, no attacker',
        '  HonestRunEndsAtGoal [004 5.1.3.6.2 steps 13-14, 004 5.1.3.7.4.2 steps 8-14, 004 5.1.3.7.4.3]: holds for every trace up to depth 26 (complete: 103 states, the whole reachable state space); scope: within 0 injections, no attacker',
        '  ProvisionedMcimNotRefused [004 5.1.2.2, 004 5.1.3.7.2, 004 5.1.3.6.2 step 13, 004 5.1.3.7.4.2 steps 7-12]: holds for every trace up to depth 26 (complete: 103 states, the whole reachable state space); scope: within 0 injections, no attacker',
        '',
        '1 of 1 honest run(s) reach their goal.',
        '3 verdicts: 3 without violation, 0 violated (0 known finding(s) about the text, 0 other).',
        'reports: <out>/report.md, <out>/report.html, <out>/report.json, <out>/report.sarif, <out>/junit.xml',
        '',
      ].join('\n'),
    );
  });

  it('checks every property on the scenarios of a --config file, with the sanity check instead of the honest run under attack', async () => {
    const config = file('two.json', JSON.stringify([{ flow: 'change-via-old-sho', sho: 'sho1' }, { name: 'bus', flow: 'initial-3gpp', attacker: { capabilities: ['t9.busMonitor'] } }]));

    const r = await check('--config', config);

    expect(r.code).toBe(0);
    expect(r.stdout).toContain('TRE registry: mcim:sho1 Activated; sho1: Serving, report success; old SHO sho2: Released\n');
    const bus = r.stdout.slice(r.stdout.indexOf('\nbus: '));
    expect(bus).toMatch(/^\nbus: flow initial-3gpp; attacker: t9\.busMonitor; every counter-measure on\n {2}exhaustive search: [^\n]+\n {2}state graph for the properties of service: [^\n]+\n {2}sanity: a run reaching the honest goal exists/);
    expect(bus).toContain('  NoSecretInClearOnHostInterface [');
    expect(bus).not.toContain('HonestRunEndsAtGoal');
    expect(bus).not.toContain('honest run:');
  });

  it('exits 0 for threat t6 with every counter-measure on: the firmware attack is refused', async () => {
    const r = await check('--threat', 't6');

    expect(r.code).toBe(0);
    expect(r.stdout).toContain('t6-firmware: flow change-via-old-sho; attacker: network, t4.logical, t4.tamper, t6.firmware; at most 1 injection(s); every counter-measure on\n');
    expect(r.stdout).toMatch(/TreFirmwareOnlyFromSupplier \[t6\.cm4, 004 5\.1\.2\.2\]: holds for every trace up to depth \d+ \(complete: /);
    expect(r.stdout).toMatch(/sanity: a run reaching the honest goal exists despite the attacker \(\d+ steps\): the verdicts are not vacuous/);
    expect(r.stdout).not.toContain('saved:');
    expect(existsSync(attackTrace(r.out))).toBe(false);
  });

  it('exits 1 with t6.cm4 off and no baseline, printing the attack, the saved trace and the replay command', async () => {
    const r = await check('--threat', 't6', '--off', 't6.cm4', '--no-baseline');

    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('; switched OFF: t6.cm4\n');
    expect(r.stdout).toContain('TreFirmwareOnlyFromSupplier [t6.cm4, 004 5.1.2.2]: VIOLATED: counterexample of 2 steps (exhaustive, shortest); scope: within 1 injection, Dolev-Yao over typed messages: network + t4.logical + t4.tamper + t6.firmware, ');
    expect(r.stdout).toContain('      expected firmware v1 or v2 from the supplier, actual: modified firmware installed\n');
    expect(r.stdout).toMatch(/\n {8}1\. attacker>m2me treUpdate \(injected as supplier\) \w+\n {8}2\. m2me>tre treUpdate \w+\n/);
    expect(r.stdout).toContain('      live actors: agree on every state of the trace\n');
    expect(r.stdout).toContain(`      saved: ${attackTrace(r.out)}\n      replay: trecheck replay ${attackTrace(r.out)}\n`);
    expect(r.stdout).not.toContain('known finding about the text');
    expect(r.stdout).toContain('15 verdicts: 11 without violation, 4 violated (0 known finding(s) about the text, 4 other).');
    expect(existsSync(attackTrace(r.out))).toBe(true);
  });

  it('with --bail stops after the first scenario the baseline does not expect: t6.cm4 off, t7 never searched', async () => {
    const r = await check('--threat', 't6', '--threat', 't7', '--off', 't6.cm4', '--bail');

    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^check: --bail: stopped after t6-firmware, the first unexpected result \(1 of \d+ scenarios run\)\n$/);
    expect(r.stdout).toContain('baseline: NEW: t6-firmware TreFirmwareOnlyFromSupplier: violated, not in the baseline');
    expect(r.stdout).not.toContain('t7-');
    // The attack is not re-executed: that explains a verdict and never changes the exit code.
    expect(r.stdout).not.toContain('live actors:');
  });

  it('with --bail runs every scenario when each is as the baseline expects, and exits 0', async () => {
    const r = await check('--threat', 't6', '--bail');

    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/TreFirmwareOnlyFromSupplier \[t6\.cm4, 004 5\.1\.2\.2\]: holds/);
  });

  it('saves an attack that `trecheck replay` reproduces, with live actors agreeing', async () => {
    const { out } = await check('--threat', 't6', '--off', 't6.cm4', '--no-baseline');

    const r = await runCliCaptured(['replay', attackTrace(out)]);

    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  reproduced: TreFirmwareOnlyFromSupplier is violated after step 2 of 2, as saved: expected firmware v1 or v2 from the supplier, actual: modified firmware installed\n');
    expect(r.stdout).toContain('  live cross-check: live actors agree on every state\n');
  });

  it('refuses, with one line and exit 2, to replay a trace recorded on another model', async () => {
    const { out } = await check('--threat', 't6', '--off', 't6.cm4', '--no-baseline');
    const trace = JSON.parse(readFileSync(attackTrace(out), 'utf8')) as { model: string };
    const edited = file('other-model.json', JSON.stringify({ ...trace, model: 'tr33812-alt1a/0+0000000000000000' }));

    const r = await runCliCaptured(['replay', edited]);

    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${edited}: recorded on model tr33812-alt1a/0+0000000000000000, this is ${trace.model};`);
  });

  it('does not let the shipped baseline hide a new attack: t6.cm4 off exits 1 and says NEW', async () => {
    const r = await check('--threat', 't6', '--off', 't6.cm4');

    expect(r.code).toBe(1);
    expect(r.stdout).toContain('baseline: NEW: t6-firmware TreFirmwareOnlyFromSupplier: violated, not in the baseline\n');
  });
});

describe('trecheck check: known findings about the text', () => {
  it('exits 0 under the shipped baseline and prints why the text leaves the gap', async () => {
    const r = await check('--threat', 't11');

    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ChangeOfOperatorKeepsService [004 5.1.3.7.4.2 steps 7-12]: VIOLATED: counterexample of ');
    expect(r.stdout).toContain('      known finding about the text: 5.1.3.7.4.2 makes step 7 (the download) atomic, but step 8 discards the old MCIM');
    expect(r.stdout).toContain('15 verdicts: 9 without violation, 6 violated (6 known finding(s) about the text, 0 other).');
    expect(r.stdout).toContain('baseline: known: t11-faults ChangeOfOperatorKeepsService: violated, accepted in the baseline\n');
  });

  it('compares a run whose limits cut no search with the entries of a default run, and a run they cut with none of them', async () => {
    const guarded = await check('--threat', 't11', '--max-states', '10000000', '--max-memory', '16G', '--time', '600');
    expect(guarded.code).toBe(0);
    expect(guarded.stdout).toContain('baseline: known: t11-faults ChangeOfOperatorKeepsService: violated, accepted in the baseline\n');
    const report = (out: string) => JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { findingOptions?: Record<string, unknown> };
    expect(report(guarded.out).findingOptions).toEqual({});
    const cut = await check('--threat', 't11', '--max-states', '50', '--max-memory', '16G');
    expect(cut.stdout).toMatch(/INCONCLUSIVE: the states limit stopped the search/);
    expect(cut.code).not.toBe(0);
    expect(cut.stdout).not.toContain('baseline: known:');
    expect(report(cut.out).findingOptions).toEqual({ maxStates: 50 });
  });

  it('exits 1 for the same known finding without a baseline', async () => {
    const r = await check('--threat', 't11', '--no-baseline');

    expect(r.code).toBe(1);
    expect(r.stdout).toContain('known finding about the text: ');
    expect(r.stdout).not.toContain('baseline:');
  });

  it('accepts the findings with --update-baseline, then fails a run with another counter-measure off and says what is new', async () => {
    const baseline = join(root, 'baseline-t11.json');
    const update = await check('--threat', 't11', '--baseline', baseline, '--update-baseline');
    expect(update.code).toBe(0);
    expect(update.stdout).toContain(`baseline: wrote ${baseline} (6 accepted finding(s))\n`);
    expect(JSON.parse(readFileSync(baseline, 'utf8'))).toEqual({
      format: 'trecheck-baseline/2',
      commands: ['check'],
      findings: [
        { command: 'check', scenario: 't11-faults', property: 'ChangeOfOperatorKeepsService', kind: 'violated', detail: '', options: {} },
        { command: 'check', scenario: 't11-faults', property: 'ServiceRecoverable', kind: 'violated', detail: '', options: {} },
        { command: 'check', scenario: 't11-faults', property: 'ServiceEventually', kind: 'violated', detail: '', options: {} },
        { command: 'check', scenario: 't11-old-sho-silent', property: 'ServiceEventually', kind: 'violated', detail: '', options: {} },
        { command: 'check', scenario: 't11-erasure', property: 'ServiceRecoverable', kind: 'violated', detail: '', options: {} },
        { command: 'check', scenario: 't11-erasure', property: 'ServiceEventually', kind: 'violated', detail: '', options: {} },
      ],
    });

    // Entries remember their options: a run with a counter-measure off is not compared with the default run's.
    const regression = await check('--threat', 't11', '--baseline', baseline, '--off', 't8.cm8');

    expect(regression.code).toBe(1);
    expect(regression.stdout).toContain('baseline: NEW: t11-faults ChangeOfOperatorKeepsService: violated, not in the baseline\n');
    expect(regression.stdout).toContain('baseline: NEW: t11-faults ModifiedMcimNeverSelectedAfterBoot: violated, not in the baseline\n');
  });

  it('keeps a finding accepted with --off apart: the default run after it still passes, and the --off run is known', async () => {
    const baseline = join(root, 'baseline-off.json');
    writeFileSync(baseline, readFileSync(join(packageRoot(), 'reports', 'baseline.json')));
    const update = await check('--threat', 't10', '--off', 't10.cm6', '--baseline', baseline, '--update-baseline');
    expect(update.code).toBe(0);
    const written = JSON.parse(readFileSync(baseline, 'utf8')) as { findings: { scenario: string; options: unknown }[] };
    const offEntries = written.findings.filter((f) => JSON.stringify(f.options) === JSON.stringify({ off: ['t10.cm6'] }));
    expect(offEntries.length).toBeGreaterThan(0);
    expect(offEntries.every((f) => f.scenario.startsWith('t10'))).toBe(true);

    const again = await check('--threat', 't10', '--off', 't10.cm6', '--baseline', baseline);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('baseline: known: ');
    const plain = await check('--baseline', baseline);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain('DISAPPEARED');
    // Three runs, one of them the whole default run (see above).
  }, 240_000);
});

describe('trecheck check: bounds and random search', () => {
  it('says a depth-bounded verdict is bounded', async () => {
    const r = await check('--flow', 'initial-3gpp', '--depth', '5');

    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/AtMostOneMcimActive \[[^\]]+\]: holds for every trace up to depth 5 \(bounded: [\d,]+ states; longer traces not explored\); scope: within 0 injections, no attacker\n/);
    expect(r.stdout).not.toContain('complete:');
  });

  it('says a random search that finds nothing is not a proof, and exits 4', async () => {
    const r = await check('--flow', 'initial-3gpp', '--random', '--runs', '50', '--seed', '1');

    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/\n {2}random search: 50 runs of <= 50 steps \(seed 1\), [\d,]+ steps taken, longest run \d+, /);
    expect(r.stdout.match(/: no violation found in 50 random runs of <= 50 steps \(seed 1\): not a proof; scope: within 0 injections, no attacker\n/g)).toHaveLength(3);
  });

  it('gives the same random run for the same seed', async () => {
    const a = await check('--flow', 'initial-3gpp', '--random', '--runs', '20', '--seed', '7');
    const b = await check('--flow', 'initial-3gpp', '--random', '--runs', '20', '--seed', '7');

    expect(placeholders(b.stdout, b.out)).toBe(placeholders(a.stdout, a.out));
  });
});

describe('trecheck check --json', () => {
  it('prints the scenarios with their verdicts and the attack\'s replay command as JSON, messages on stderr', async () => {
    const r = await check('--threat', 't6', '--off', 't6.cm4', '--no-baseline', '--json');

    expect(r.code).toBe(1);
    const data = JSON.parse(r.stdout) as {
      scenarios: { config: { name: string; off: string[] }; threat: string; properties: { property: string; verdict: string; steps?: number; replay?: string }[] }[];
      exitCode: number;
    };
    expect(data.exitCode).toBe(1);
    expect(data.scenarios.map((s) => [s.config.name, s.threat, s.config.off])).toEqual([
      ['t6-firmware', 't6', ['t6.cm4']], ['t6-supplier-update', 't6', ['t6.cm4']], ['t6-update-for-other-device', 't6', ['t6.cm4']],
    ]);
    expect(data.scenarios[0]!.properties.map((p) => [p.property, p.verdict])).toEqual([
      ['TreFirmwareOnlyFromSupplier', 'violated'],
      ['TamperedTreServesNoMcim', 'holds-exhaustively'],
      ['TrePlatformKeySecret', 'holds-exhaustively'],
      ['McimIssuedOnlyForValidPlatform', 'holds-exhaustively'],
      ['PlatformCredentialOfItsOwnTre', 'violated'],
    ]);
    expect(data.scenarios[0]!.properties[0]).toMatchObject({ steps: 2, replay: `trecheck replay ${attackTrace(r.out)}` });
    expect(r.stderr).toMatch(/^reports: /m);
  });
});

describe('trecheck check: bad input is one line on stderr and exit 2', () => {
  const bad: [string, string[], RegExp][] = [
    ['an unknown --off id, listing the switchable ids', ['--off', 't99.cm1'], /^trecheck: --off: unknown counter-measure 't99\.cm1'; switchable: t5\.cm3, t2\.cm4=t3\.cm5, /],
    ['an unknown --threat', ['--threat', 't13'], /^trecheck: unknown threat 't13'; expected t1 to t12$/],
    ['an unknown --flow', ['--flow', 'initial-5g'], /^trecheck: unknown flow 'initial-5g'; expected one of: initial-3gpp, /],
    ['an unknown --property', ['--property', 'NoSuchClaim'], /^trecheck: unknown property 'NoSuchClaim'; expected one of: AtMostOneMcimActive, HonestRunEndsAtGoal, /],
    ['an unknown attacker capability in --config', ['--config', file('cap.json', '{"flow":"initial-3gpp","attacker":{"capabilities":["t99.x"]}}')], /^trecheck: config .*cap\.json: scenario\.attacker\.capabilities\.0: .*"t1\.clone"/],
    ['an unknown insider in --config', ['--config', file('insider.json', '{"flow":"initial-3gpp","attacker":{"dishonest":"mallory"}}')], /^trecheck: config .*insider\.json: scenario\.attacker\.dishonest: .*"pva"/],
    ['too many injections in --config', ['--config', file('inject.json', '{"flow":"initial-3gpp","attacker":{"injections":99}}')], /^trecheck: config .*inject\.json: scenario\.attacker\.injections: .*6/],
    ['three devices in --config', ['--config', file('devices3.json', '{"flow":"initial-3gpp","devices":3}')], /^trecheck: config .*devices3\.json: scenario\.devices: .*2/],
    ['two devices with a change of operator in --config', ['--config', file('devices-change.json', '{"flow":"change-via-old-sho","devices":2}')], /^trecheck: config .*devices-change\.json: scenario\.devices: 2 devices need flow initial-3gpp or initial-non3gpp/],
    ['a TRE capacity below what the flow starts with in --config', ['--config', file('cap1.json', '{"flow":"change-via-old-sho","bothMcimsPresent":true,"treCapacity":1}')], /^trecheck: config .*cap1\.json: scenario\.treCapacity: 1 is below the 2 MCIMs the flow change-via-old-sho starts with$/],
    ['repeated changes on an initial flow in --config', ['--config', file('twice.json', '{"flow":"initial-3gpp","changeRequests":2}')], /^trecheck: config .*twice\.json: scenario\.changeRequests: only flow change-via-old-sho/],
    ['a --config scenario without a flow', ['--config', file('noflow.json', '{"attacker":{"dishonest":"mallory"}}')], /^trecheck: config .*noflow\.json: scenario\.flow: /],
    ['a missing --config file', ['--config', join(root, 'nope.json')], /^trecheck: cannot read config .*nope\.json: ENOENT$/],
    ['--config with --threat', ['--config', 'x.json', '--threat', 't6'], /^trecheck: use --config, or --flow\/--threat, not both$/],
    ['--runs without --random', ['--flow', 'initial-3gpp', '--runs', '5'], /^trecheck: --runs, --steps and --seed set the random search: add --random$/],
    ['--depth with --random', ['--flow', 'initial-3gpp', '--random', '--depth', '5'], /^trecheck: --depth, --max-states and --max-memory bound the exhaustive search: drop them or --random$/],
    ['--no-reduction with --random', ['--flow', 'initial-3gpp', '--random', '--no-reduction'], /^trecheck: --no-reduction sets the exhaustive search: drop it or --random$/],
    ['an unknown --format', ['--flow', 'initial-3gpp', '--format', 'pdf'], /^trecheck: unknown --format 'pdf'; expected one of: md, html, json, sarif, junit$/],
    ['--update-baseline with --no-baseline', ['--flow', 'initial-3gpp', '--no-baseline', '--update-baseline'], /^trecheck: --update-baseline needs a baseline file: drop --no-baseline$/],
  ];
  for (const [what, argv, message] of bad) {
    it(`rejects ${what}`, async () => {
      const r = await check(...argv);

      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(message);
    });
  }

  it('names every switch id and alias when an --off id is unknown', async () => {
    const r = await check('--off', 't6.cm99');

    for (const s of switches) expect(r.stderr).toContain([s.id, ...s.aliases].join('='));
  });
});

describe('trecheck diff --check', () => {
  const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/text/${name}`, import.meta.url));

  /** `diff --check` with a re-run that is check's own, writing into a temporary folder. */
  async function diffCheck(coverage: readonly PropertyCoverage[]): Promise<{ code: number; stdout: string }> {
    let stdout = '';
    let code = -1;
    const ctx: CliContext = { out: (t) => void (stdout += t), err: (t) => void (stdout += t), interactive: false, exit: (c) => void (code = c) };
    const program = new Command('trecheck').exitOverride();
    const out = join(root, `diff-${++runs}`);
    registerDiffWith({ propertyCoverage: coverage, rerun: async (ids, c) => runCheckReport({ property: [...ids], format: [], out }, c) })(program, ctx);
    await program.parseAsync(['diff', fixture('diff-old.txt'), fixture('diff-lost.txt'), '--check'], { from: 'user' });
    return { code, stdout };
  }

  it('re-runs exactly the properties whose counter-measure lost text support', async () => {
    // diff-lost.txt drops the only [t6 cm3] reference of diff-old.txt.
    const r = await diffCheck([
      { id: 'HonestRunEndsAtGoal', counterMeasures: ['t6.cm3'] },
      { id: 'AtMostOneMcimActive', counterMeasures: ['t1.cm1'] },
    ]);

    expect(r.stdout).toContain('check: re-running HonestRunEndsAtGoal\n');
    expect(r.stdout).toContain('trecheck check: 13 flow scenario(s), 0 threat(s) in 0 scenario(s)\n');
    expect(r.stdout).toMatch(/HonestRunEndsAtGoal \[[^\]]+\]: VIOLATED/);
    expect(r.stdout).not.toMatch(/AtMostOneMcimActive \[/);
    // Its violations are the known findings the shipped baseline accepts: said in words.
    expect(r.stdout).toMatch(/\ncheck: no verdict changed: the \d+ verdict\(s\) of 1 affected property are those the baseline accepted\n/);
    expect(r.code).toBe(1);
  });

  it('runs nothing when no property checks a touched counter-measure', async () => {
    const r = await diffCheck([{ id: 'AtMostOneMcimActive', counterMeasures: ['t1.cm1'] }]);

    expect(r.stdout).toContain('check: nothing to re-run');
    expect(r.stdout).not.toContain('exhaustive search');
  });
});
