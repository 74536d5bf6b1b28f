// The byte stream between the pipelined search's threads, on one thread: entries read back as written across the
// ring's wrap, published only when the writer says so, and room that ends where the reader has not read.
import { describe, expect, it } from 'vitest';
import { controlBytes, RingReader, RingWriter, searchBell, storeBell, Word } from '../../../src/engine/pipeline/ByteRing.ts';

function stream(bytes: number) {
  const control = new Int32Array(new SharedArrayBuffer(controlBytes));
  const buffer = new SharedArrayBuffer(bytes);
  const writer = new RingWriter(buffer, control, Word.candidatesWritten, Word.candidatesRead, storeBell, searchBell);
  const reader = new RingReader(buffer, control, Word.candidatesWritten, Word.candidatesRead, searchBell);
  return { writer, reader };
}

describe('ByteRing', () => {
  it('reads back varints and records as written, across many wraps of a small ring', () => {
    const { writer, reader } = stream(64);
    const record = Uint8Array.from({ length: 20 }, (_, i) => (i * 37) & 0xff);
    const values = [0, 1, 127, 128, 300, 16383, 16384, 2 ** 21, 2 ** 28 + 5, 2 ** 31 - 1];
    for (let round = 0; round < 50; round++) {
      const value = values[round % values.length]!;
      expect(writer.fits(30)).toBe(true);
      writer.varint(value);
      writer.copy(record, round % 5, 20);
      // Nothing is readable before it is published.
      expect(reader.available()).toBe(false);
      writer.publish();
      expect(reader.available()).toBe(true);
      expect(reader.varint()).toBe(value);
      const into = new Uint8Array(20);
      reader.copy(into, 20 - (round % 5));
      expect([...into.subarray(0, 20 - (round % 5))]).toEqual([...record.subarray(round % 5)]);
      expect(reader.available()).toBe(false);
      reader.release();
    }
  });

  it('has room only for what the reader has given back', () => {
    const { writer, reader } = stream(64);
    writer.copy(new Uint8Array(60), 0, 60);
    writer.publish();
    expect(writer.fits(4)).toBe(true);
    expect(writer.fits(5)).toBe(false);
    reader.copy(new Uint8Array(60), 10);
    // Read but not released: still not the writer's.
    expect(writer.fits(5)).toBe(false);
    reader.release();
    expect(writer.fits(14)).toBe(true);
    expect(writer.fits(15)).toBe(false);
  });
});
