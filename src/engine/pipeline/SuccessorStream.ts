// The search thread's side of the pipelined search's stream of successors (Candidate.successor entries): a RecordSink
// that has the system write each record in place in the stream.
import type { RecordSink } from '../RecordSteps.ts';
import { reservedVarintBytes, type RingWriter } from './ByteRing.ts';
import { Candidate } from './PipelineProtocol.ts';

/** The successors of the state being expanded, as the store reads them (Candidate.successor): each record written by the
 *  system in place in the stream, its length filled in after it; one longer than the stream's tail is written aside
 *  and copied. */
export class SuccessorStream implements RecordSink {
  /** The enabled action's index in the state being expanded (left out or not). */
  index = 0;
  at = 0;
  /** The entry being written: where its code goes, its action's index and its tag + 1 (0: untagged). */
  private code = 0;
  private entryIndex = 0;
  private entryTag = 0;
  private aside: Uint8Array | undefined;
  private scratch = new Uint8Array(0);

  constructor(
    private readonly out: RingWriter,
    private readonly run: { transitions: number; leftOut: number },
    private readonly tagged: boolean,
  ) {
    // A record written in place has its length filled in after it, as a varint of `reservedVarintBytes` bytes.
    if (out.tail + Candidate.successor >= 2 ** (7 * reservedVarintBytes)) throw new RangeError(`SuccessorStream: a tail of ${out.tail} bytes is longer than a length filled in after the record can say`);
  }

  leftOut(): void {
    this.index++;
    this.run.leftOut++;
  }

  begin(maxBytes: number, tag: number): Uint8Array {
    const out = this.out;
    out.room(maxBytes + 16);
    this.entryIndex = this.index++;
    this.entryTag = this.tagged ? tag + 1 : 0;
    if (maxBytes <= out.tail) {
      this.code = out.reserve();
      out.varint(this.entryIndex);
      out.varint(this.entryTag);
      this.aside = undefined;
      this.at = out.linearAt();
      return out.buffer;
    }
    if (this.scratch.length < maxBytes) this.scratch = new Uint8Array(maxBytes);
    this.aside = this.scratch;
    this.at = 0;
    return this.aside;
  }

  wrote(end: number): void {
    const out = this.out;
    this.run.transitions++;
    if (this.aside === undefined) {
      const length = end - this.at;
      out.wroteLinear(length);
      out.fill(this.code, length + Candidate.successor);
      return;
    }
    // Written aside: the entry whole now that its length is known.
    out.varint(end + Candidate.successor);
    out.varint(this.entryIndex);
    out.varint(this.entryTag);
    out.copy(this.aside, 0, end);
  }
}
