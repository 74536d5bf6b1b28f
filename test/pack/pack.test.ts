// The package as a user installs it: `npm pack` (which builds dist/), the tarball installed into a fresh
// project beside vitest, and a vitest file there that imports `trecheck/vitest`. Needs the npm registry, so it
// runs only with TRECHECK_PACK_TEST=1 (`npm run test:pack`; .ci/run does).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { propertyIds } from '../../src/vitest/checkScenario.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const enabled = process.env.TRECHECK_PACK_TEST === '1';
const vitestVersion = (JSON.parse(readFileSync(join(repo, 'node_modules/vitest/package.json'), 'utf8')) as { version: string }).version;

const passing = `import { expect, it } from 'vitest';
import { checkProperty, checkScenario, checkThreat, describeScenario } from 'trecheck/vitest';
it('initial provisioning over 3GPP access keeps every property', () => {
  expect(new Set(checkScenario({ flow: 'initial-3gpp' }).map((o) => o.verdict))).toEqual(new Set(['holds-exhaustively']));
});
it('threat 6 holds with every counter-measure on and is attacked with t6.cm4 off', () => {
  expect(Object.keys(checkThreat('t6'))).toEqual(['t6-firmware', 't6-supplier-update', 't6-update-for-other-device']);
  expect(() => checkThreat('t6', { off: ['t6.cm4'] })).toThrow(/TreFirmwareOnlyFromSupplier in scenario t6-firmware: VIOLATED/);
});
it('the change via the pristine state is found racing: a known finding, which fails only when no baseline accepts it', () => {
  expect(checkProperty('HonestRunEndsAtGoal', { flow: 'change-via-pristine' }).known).toBe(true);
  expect(() => checkProperty('HonestRunEndsAtGoal', { flow: 'change-via-pristine' }, { baseline: false })).toThrow(/replay: npx trecheck replay /);
});
describeScenario('delayed activation', { flow: 'delayed-activation' });
`;
const failing = `import { it } from 'vitest';
import { checkProperty } from 'trecheck/vitest';
it('the change via the pristine state ends at its goal', () => {
  checkProperty('HonestRunEndsAtGoal', { flow: 'change-via-pristine' }, { baseline: false });
});
`;

describe.skipIf(!enabled)('the packed package in a fresh project (TRECHECK_PACK_TEST=1)', () => {
  it('installs, and its vitest API passes and fails as it should, with a replay command that works', () => {
    const work = mkdtempSync(join(tmpdir(), 'trecheck-pack-'));
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as { filename: string }[];
    const tarball = join(work, packed[0]!.filename);
    const project = join(work, 'project');
    execFileSync('mkdir', ['-p', join(project, 'test')]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-trecheck', private: true, type: 'module', devDependencies: { trecheck: `file:${tarball}`, vitest: vitestVersion } }, null, 2));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: project, stdio: ['ignore', 'inherit', 'inherit'] });
    writeFileSync(join(project, 'test', 'passing.test.js'), passing);
    writeFileSync(join(project, 'failing.test.js'), failing);

    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
    const good = spawnSync('npx', ['vitest', 'run', 'test/passing.test.js'], { cwd: project, encoding: 'utf8', env });
    expect(good.status, good.stdout + good.stderr).toBe(0);
    // The three its above and describeScenario's one test per property.
    expect(good.stdout).toMatch(new RegExp(`Tests\\s+${3 + propertyIds().length} passed`));

    const bad = spawnSync('npx', ['vitest', 'run', 'failing.test.js'], { cwd: project, encoding: 'utf8', env });
    expect(bad.status).toBe(1);
    const output = bad.stdout + bad.stderr;
    expect(output).toContain('HonestRunEndsAtGoal in scenario change-via-pristine: VIOLATED: counterexample of 24 steps');
    expect(output).toMatch(/\d+\. subscriber>ro shoSelection/);
    const replay = /replay: (npx trecheck replay \S+)/.exec(output)![1]!.split(' ');
    const replayed = spawnSync(replay[0]!, replay.slice(1), { cwd: project, encoding: 'utf8', env });
    expect(replayed.stdout).toContain('reproduced: HonestRunEndsAtGoal is violated after step 24 of 24, as saved');
    expect(replayed.status).toBe(1);
  });
});
