// The CLI frame: help, one error line with exit code 2 for bad flags or commands, and a quiet end
// when the reader of its output goes away.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';

const mainScript = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/** Runs the CLI as a process whose standard output (and, with `closeStderr`, error) is a pipe already
 *  closed by its reader, as after `| head -1`; returns the exit code and what reached standard error. */
function runWithClosedPipe(argv: readonly string[], closeStderr: boolean): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', mainScript, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    if (closeStderr) child.stderr.destroy();
    else child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('trecheck CLI frame', () => {
  it('prints help and exits 0', async () => {
    const { code, stdout } = await runCliCaptured(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: trecheck');
  });

  it('rejects an unknown option with one line and exit code 2', async () => {
    const { code, stdout, stderr } = await runCliCaptured(['--no-such-flag']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual(["trecheck: unknown option '--no-such-flag'"]);
  });

  it('rejects an unknown command with one line and exit code 2', async () => {
    const { code, stderr } = await runCliCaptured(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^trecheck: [^\n]+\n$/);
  });

  it('ends quietly with its own exit code when standard output is a closed pipe (no EPIPE stack trace)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'trecheck-epipe-'));
    const { code, stderr } = await runWithClosedPipe(['explore', 'needham-schroeder-lowe', '--workers', '1', '--out', out], false);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('keeps the input-error exit code when standard error is a closed pipe too', async () => {
    const { code } = await runWithClosedPipe(['explore', 'no-such-system'], true);
    expect(code).toBe(2);
  });
});
