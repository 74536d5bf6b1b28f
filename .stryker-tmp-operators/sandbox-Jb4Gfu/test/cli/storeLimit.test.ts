// A search whose world records reach the record pool's ceiling (lowered here from 2^31 bytes to 8 KiB) ends
// inconclusive with limit 'memory': `check` and `explore` exit 3 (not 1, the violation code), say the memory limit
// stopped the search, and print no stack trace.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';
import { setRecordPoolCeiling } from '../../src/packing/RecordTable.ts';

const root = mkdtempSync(join(tmpdir(), 'trecheck-store-limit-'));
const stackFrame = /\n\s+at /;

afterEach(() => setRecordPoolCeiling(undefined));

describe('a record pool at its ceiling', () => {
  it('check: exit 3, the memory limit named, no stack trace', async () => {
    setRecordPoolCeiling(8192);
    const r = await runCliCaptured(['check', '--threat', 't6', '--out', join(root, 'check')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/TreFirmwareOnlyFromSupplier \[[^\]]+\]: INCONCLUSIVE: the memory limit stopped the search after [\d,]+ states/);
    expect(r.stdout).not.toMatch(/holds for every trace/);
    expect(r.stdout + r.stderr).not.toMatch(stackFrame);
  });

  it('explore --json: exit 3, limit memory, with what was explored', async () => {
    // The default scenario's 329 worlds fit in 8 KiB; 2 KiB holds some of them.
    setRecordPoolCeiling(2048);
    const r = await runCliCaptured(['explore', 'tr33812-alt1a', '--workers', '1', '--json']);
    expect(r.stderr).not.toMatch(stackFrame);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/"limit":\s*"memory"/);
  });

  it('explore --mode random: exit 3 and the memory limit, not a violation fast-check made of the error', async () => {
    setRecordPoolCeiling(1024);
    const r = await runCliCaptured(['explore', 'tr33812-alt1a', '--mode', 'random', '--runs', '2000', '--workers', '1', '--json']);
    expect(r.stderr).not.toMatch(stackFrame);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/"limit":\s*"memory"/);
    expect(r.stdout).not.toMatch(/"violated"/);
  });

  it('without the lowered ceiling the same check concludes (exit 0)', async () => {
    const r = await runCliCaptured(['check', '--threat', 't6', '--out', join(root, 'free')]);
    expect(r.code).toBe(0);
  });
});
