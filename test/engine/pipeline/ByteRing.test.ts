// The byte stream between the pipelined search's threads, on one thread: entries read back as written across the
// ring's wrap, published only when the writer says so, and room that ends where the reader has not read.
import { describe, expect, it } from 'vitest';
import { controlBytes, reservedVarintBytes, RingReader, RingWriter, ringSize, searchBell, storeBell, Word } from '../../../src/engine/pipeline/ByteRing.ts';

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

  it('writes entry parts in one piece into the tail past the ring, read back from its start, and fills reserved varints', () => {
    // A ring of 64 bytes with 16 more: the tail.
    const { writer, reader } = stream(80);
    expect(ringSize(80)).toBe(64);
    expect(writer.tail).toBe(16);
    for (let round = 0; round < 40; round++) {
      const length = 3 + (round % 12);
      const value = [0, 5, 127, 128, 16_383, 16_384, 2 ** 21 - 1][round % 7]!;
      expect(writer.fits(reservedVarintBytes + length)).toBe(true);
      const code = writer.reserve();
      const at = writer.linearAt();
      for (let i = 0; i < length; i++) writer.buffer[at + i] = (round * 7 + i) & 0xff;
      writer.wroteLinear(length);
      writer.fill(code, value);
      writer.publish();
      expect(reader.available()).toBe(true);
      expect(reader.varint()).toBe(value);
      const into = new Uint8Array(length);
      reader.copy(into, length);
      expect([...into]).toEqual(Array.from({ length }, (_, i) => (round * 7 + i) & 0xff));
      expect(reader.available()).toBe(false);
      reader.release();
    }
  });
});
