// The CLI frame: help, and one error line with exit code 2 for bad flags or commands.
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';

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
});
