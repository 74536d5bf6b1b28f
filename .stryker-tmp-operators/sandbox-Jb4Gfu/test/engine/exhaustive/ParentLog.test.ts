// Parent pointers: every entry reads back through the chunks, the export is the used part, and the log holds at
// most one chunk it does not use.
import { describe, expect, it } from 'vitest';
import { ParentLog } from '../../../src/engine/exhaustive/ParentLog.ts';
import { StoreLimitError } from '../../../src/engine/StoreLimitError.ts';

describe('ParentLog', () => {
  it('reads back every parent and action past the first chunk, and exports exactly the used part', () => {
    const log = new ParentLog();
    const count = 50_000;
    for (let i = 0; i < count; i++) log.push(i === 0 ? -1 : (i * 7919) % i, i % 65_536);
    expect(log.length).toBe(count);
    for (const i of [0, 1, 1023, 1024, 16_383, 16_384, 32_768, count - 1]) {
      expect(log.parent(i)).toBe(i === 0 ? -1 : (i * 7919) % i);
      expect(log.action(i)).toBe(i % 65_536);
    }
    const { parents, actions } = log.export();
    expect(parents.length).toBe(count);
    expect(parents[40_000]).toBe(log.parent(40_000));
    expect(actions[count - 1]).toBe(log.action(count - 1));
    // 6 bytes an entry, plus at most one chunk of 16,384 entries unused.
    expect(log.bytes).toBeLessThanOrEqual((count + 16_384) * 6);
  });

  it('stays small for a small search', () => {
    const log = new ParentLog();
    for (let i = 0; i < 100; i++) log.push(i - 1, 0);
    expect(log.bytes).toBeLessThanOrEqual(1024 * 6);
  });

  it('refuses a state past its ceiling with StoreLimitError and keeps the ones it holds', () => {
    const log = new ParentLog(3);
    for (let i = 0; i < 3; i++) log.push(i - 1, i);
    expect(() => log.push(2, 0)).toThrow(StoreLimitError);
    expect(log.length).toBe(3);
    expect(log.parent(2)).toBe(1);
  });
});
