// Parent pointers: every entry reads back through the chunks, the export is the used part, the log holds at most one
// chunk it does not use, and a breadth-first search's parents (never decreasing, by little) take a byte each.
import { describe, expect, it } from 'vitest';
import { ParentLog, chunkBuffers } from '../../../src/engine/exhaustive/ParentLog.ts';
import { StoreLimitError } from '../../../src/engine/StoreLimitError.ts';

describe('ParentLog', () => {
  it('reads back every parent and action past the first chunk, and exports exactly the used part', () => {
    const log = new ParentLog();
    const count = 50_000;
    const action = (i: number): number => (i % 1000 === 999 ? 1000 + i : i % 250);
    for (let i = 0; i < count; i++) log.push(i === 0 ? -1 : (i * 7919) % i, action(i));
    expect(log.length).toBe(count);
    for (const i of [0, 1, 999, 1023, 1024, 16_383, 16_384, 32_768, 48_999, count - 1]) {
      expect(log.parent(i)).toBe(i === 0 ? -1 : (i * 7919) % i);
      expect(log.action(i)).toBe(action(i));
    }
    const { parents, actions } = log.export();
    expect(parents.length).toBe(count);
    expect(parents[40_000]).toBe(log.parent(40_000));
    expect(actions[count - 1]).toBe(log.action(count - 1));
    expect(actions[48_999]).toBe(action(48_999));
    for (let i = 0; i < count; i++) expect(parents[i]).toBe(i === 0 ? -1 : (i * 7919) % i);
  });

  it("takes about two bytes an entry for a breadth-first search's parents, and reads back those kept apart", () => {
    const log = new ParentLog();
    const count = 100_000;
    // Never decreasing, by 0-3 mostly; every 1,000th entry jumps by 300 (kept apart), every 5,000th goes back.
    const parents: number[] = [];
    for (let i = 0, p = 0; i < count; i++) {
      p += i % 5000 === 4999 ? -10 : i % 1000 === 999 ? 300 : i % 4;
      parents.push(p);
      log.push(p, i % 7);
    }
    for (let i = 0; i < count; i += 97) expect(log.parent(i)).toBe(parents[i]);
    expect(log.parent(count - 1)).toBe(parents[count - 1]);
    expect([...log.export().parents]).toEqual(parents);
    // A byte of parent and one of action an entry, a mark of 4 bytes every 64, at most one chunk of 16,384 entries
    // unused, and the 100 kept apart (16 bytes each, less those that fell on a mark).
    expect(log.bytes).toBeLessThanOrEqual((count + 16_384) * (2 + 4 / 64) + 100 * 16);
  });

  it('reads back action indices from 0 to 65,535, those of one byte and the wide ones kept apart alike', () => {
    const log = new ParentLog();
    const actions = [0, 1, 253, 254, 255, 256, 1000, 65_535, 7, 255];
    actions.forEach((a, i) => log.push(i - 1, a));
    expect(actions.map((_, i) => log.action(i))).toEqual(actions);
    expect([...log.export().actions]).toEqual(actions);
  });

  it('reads back every entry from its arrays moved to another thread (structured clone with their buffers transferred)', () => {
    const log = new ParentLog();
    const count = 40_000;
    for (let i = 0; i < count; i++) log.push(i - 1, i % 300);
    const chunks = log.chunks();
    const moved = structuredClone(chunks, { transfer: chunkBuffers(chunks) });
    // Moved, not copied: the sender's arrays are detached.
    expect(chunks.steps[0]!.length).toBe(0);
    expect(chunks.marks[0]!.length).toBe(0);
    const read = ParentLog.of(moved);
    expect(read.length).toBe(count);
    for (const i of [0, 1, 63, 64, 65, 16_383, 16_384, 39_999]) {
      expect(read.parent(i)).toBe(i - 1);
      expect(read.action(i)).toBe(i % 300);
    }
  });

  it('stays small for a small search', () => {
    const log = new ParentLog();
    for (let i = 0; i < 100; i++) log.push(i - 1, 0);
    expect(log.bytes).toBeLessThanOrEqual(1024 * 3);
  });

  it('refuses a state past its ceiling with StoreLimitError and keeps the ones it holds', () => {
    const log = new ParentLog(3);
    for (let i = 0; i < 3; i++) log.push(i - 1, i);
    expect(() => log.push(2, 0)).toThrow(StoreLimitError);
    expect(log.length).toBe(3);
    expect(log.parent(2)).toBe(1);
  });
});
