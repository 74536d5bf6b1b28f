// The search thread's stream of successors: entries as the store reads them (code = record length + successor, action
// index, tag + 1, the record), whether the record was written in place in the stream or, longer than its tail, aside.
import { describe, expect, it } from 'vitest';
import { controlBytes, RingReader, RingWriter, searchBell, storeBell, Word } from '../../../src/engine/pipeline/ByteRing.ts';
import { Candidate } from '../../../src/engine/pipeline/PipelineProtocol.ts';
import { SuccessorStream } from '../../../src/engine/pipeline/SuccessorStream.ts';

function setup(tagged: boolean) {
  const control = new Int32Array(new SharedArrayBuffer(controlBytes));
  // A ring of 256 bytes and a tail of 32: records of up to 32 bytes are written in place.
  const buffer = new SharedArrayBuffer(256 + 32);
  const writer = new RingWriter(buffer, control, Word.candidatesWritten, Word.candidatesRead, storeBell, searchBell);
  const reader = new RingReader(buffer, control, Word.candidatesWritten, Word.candidatesRead, searchBell);
  const run = { transitions: 0, leftOut: 0 };
  return { writer, reader, run, stream: new SuccessorStream(writer, run, tagged) };
}

/** Writes a record of `length` bytes as a system does: at most `maxBytes`, from `at` of what `begin` gave. */
function write(stream: SuccessorStream, length: number, maxBytes: number, tag: number, seed: number): number[] {
  const bytes = stream.begin(maxBytes, tag);
  const record = Array.from({ length }, (_, i) => (seed + i * 13) & 0xff);
  record.forEach((b, i) => (bytes[stream.at + i] = b));
  stream.wrote(stream.at + length);
  return record;
}

describe('SuccessorStream', () => {
  it('streams records in place and aside, and left-out steps, as the store reads them, across the wrap of the ring', () => {
    const { writer, reader, run, stream } = setup(true);
    for (let state = 0; state < 30; state++) {
      stream.index = 0;
      const expected: { index: number; tag: number; record: number[] }[] = [];
      // In place (at most 32 bytes), a step left out, then aside (a bound past the tail), then in place again.
      expected.push({ index: 0, tag: state, record: write(stream, 5 + (state % 20), 32, state, state) });
      stream.leftOut();
      expected.push({ index: 2, tag: 7, record: write(stream, 40 + (state % 9), 60, 7, state + 1) });
      expected.push({ index: 3, tag: 0, record: write(stream, 1, 8, 0, state + 2) });
      writer.publish();
      expect(reader.available()).toBe(true);
      for (const entry of expected) {
        const code = reader.varint();
        expect(code - Candidate.successor).toBe(entry.record.length);
        expect(reader.varint()).toBe(entry.index);
        expect(reader.varint()).toBe(entry.tag + 1);
        const into = new Uint8Array(entry.record.length);
        reader.copy(into, entry.record.length);
        expect([...into]).toEqual(entry.record);
      }
      expect(reader.available()).toBe(false);
      reader.release();
    }
    expect(run).toEqual({ transitions: 90, leftOut: 30 });
  });

  it('sends tag 0 for every step when the search leaves nothing out', () => {
    const { writer, reader, stream } = setup(false);
    write(stream, 4, 16, 9, 1);
    writer.publish();
    expect(reader.available()).toBe(true);
    expect(reader.varint()).toBe(4 + Candidate.successor);
    expect(reader.varint()).toBe(0);
    expect(reader.varint()).toBe(0);
  });
});
