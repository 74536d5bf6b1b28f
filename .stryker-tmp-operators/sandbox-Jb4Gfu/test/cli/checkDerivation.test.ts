// `trecheck check` shows under a violated secrecy property how the attacker derived the secret, and so does the
// Markdown report.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';

describe('check: the attacker\'s derivation of a secret', async () => {
  const out = mkdtempSync(join(tmpdir(), 'trecheck-derivation-'));
  const run = await runCliCaptured(['check', '--threat', 't3', '--off', 't5.cm3', '--no-baseline', '--out', out, '--format', 'md']);

  it('prints the terms read and the analysis steps under the trace', () => {
    expect(run.code).toBe(1);
    const at = run.stdout.indexOf('how the attacker derived ki:sho1:');
    expect(at).toBeGreaterThan(0);
    const lines = run.stdout.slice(at).split('\n');
    expect(lines[1]).toMatch(/^\s+1\. read sign\(<M2MSIMMobj, pcid:dev1, /);
    expect(lines.slice(1, 6).some((l) => /ki:sho1: projection of <mcim, sho1/.test(l))).toBe(true);
  });

  it('writes it in the Markdown report', () => {
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('How the attacker derived `ki:sho1`:');
    expect(md).toMatch(/1\. `read sign\(<M2MSIMMobj, pcid:dev1, /);
  });
});
