// A successor's record written from its parent's: the header, then the network without the message taken and with the
// sent ones merged in by rank; checked against the record built from scratch (the messages sorted by rank), for
// envelope ids of one byte and of several, with and without sends, the taken message anywhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeHeader, writeSuccessor } from '../../../models/world/successorRecord.ts';
import type { WorldModel } from '../../../models/world/WorldModel.ts';
import { readVarint, varintSize, writeVarint } from '../../../src/packing/varint.ts';

/** A model of `envelopes` envelopes ranked by `order` (a permutation), whose send list 0 is empty and 1 is `sends`. */
function fakeModel(order: readonly number[], sends: readonly number[]): WorldModel {
  const rank: number[] = [];
  order.forEach((e, r) => (rank[e] = r));
  const byRank = (a: number, b: number) => rank[a]! - rank[b]!;
  return { rank, injectionSlots: 4, sendList: (id: number) => (id === 0 ? [] : [...sends].sort(byRank)), observedAfter: (set: number) => set + 1 } as unknown as WorldModel;
}

function encode(ids: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(5 * ids.length + 8);
  let end = 0;
  for (const e of ids) end = writeVarint(bytes, end, e);
  return bytes.subarray(0, end);
}

const case_ = fc
  .record({ envelopes: fc.constantFrom(20, 120, 300, 20_000), seed: fc.integer() })
  .chain(({ envelopes, seed }) => {
    // Ranks scrambled: r -> (7919 r + seed) mod n is a permutation (7919 is a prime dividing none of the sizes).
    const offset = Math.abs(seed) % envelopes;
    const order = Array.from({ length: envelopes }, (_, r) => (7919 * r + offset) % envelopes);
    const id = fc.integer({ min: 0, max: envelopes - 1 });
    return fc.record({ order: fc.constant(order), net: fc.array(id, { maxLength: 12 }), sends: fc.array(id, { maxLength: 4 }), taken: fc.integer({ min: -1, max: 11 }) });
  });

describe('writeSuccessor', () => {
  it('writes the record the merged network sorted by rank gives', () => {
    fc.assert(
      fc.property(case_, ({ order, net, sends, taken }) => {
        const model = fakeModel(order, sends);
        const rank = model.rank;
        const inFlight = [...net].sort((a, b) => rank[a]! - rank[b]!);
        const takenIndex = taken < inFlight.length ? taken : -1;
        // The parent's record: a header of 3 bytes, then its network, in a pool with bytes before it.
        const netBytes = encode(inFlight);
        const pool = new Uint8Array(7 + netBytes.length);
        pool.set(netBytes, 7);
        let takenAt = -1;
        for (let i = 0, p = 7; i < inFlight.length; p += varintSize(readVarint(pool, p)), i++) if (i === takenIndex) takenAt = p;
        const sendsId = sends.length === 0 ? 0 : 1;
        const record = new Uint8Array(256);
        const end = writeSuccessor(model, 5, 1, pool, 7, pool.length, 9, takenAt, sendsId, true, record, 3);
        const expected = new Uint8Array(256);
        const rest = inFlight.filter((_, i) => i !== takenIndex).concat(model.sendList(sendsId)).sort((a, b) => rank[a]! - rank[b]!);
        let expectedEnd = writeHeader(expected, 3, model, 9, sendsId === 0 ? 5 : 6, 2);
        for (const e of rest) expectedEnd = writeVarint(expected, expectedEnd, e);
        expect([...record.subarray(3, end)]).toEqual([...expected.subarray(3, expectedEnd)]);
      }),
      { numRuns: 1000 },
    );
  });
});
