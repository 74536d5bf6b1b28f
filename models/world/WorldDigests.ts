// Short digests of a world's parts (a role's local state, a message, an observed term), each made once: a portable
// world key (World.ts portableWorldKey) is built of them, short and equal in every thread.
import { createHash } from 'node:crypto';
import type { AnyStateMachine } from 'xstate';
import type { MemoMachine } from '../../src/xstate/MemoMachine.ts';

/** What the digests are made of: a world model's role tables and message keys (WorldModel.ts). */
export interface DigestSource {
  readonly cast: readonly unknown[];
  readonly memos: readonly MemoMachine<AnyStateMachine>[];
  keyOfEnvelope(envelope: number): string;
}

/** 132 bits of SHA-256 of a part's key. Two distinct parts sharing a digest would merge; with n of them that has
 *  probability about n^2 / 2^133. */
export class WorldDigests {
  private readonly locals: string[][];
  private readonly envelopes: string[] = [];
  private readonly terms = new Map<string, string>();

  constructor(private readonly model: DigestSource) {
    this.locals = model.cast.map(() => []);
  }

  local(role: number, id: number): string {
    const digests = this.locals[role]!;
    return (digests[id] ??= digestOf(this.model.memos[role]!.key(id)));
  }

  envelope(envelope: number): string {
    return (this.envelopes[envelope] ??= digestOf(this.model.keyOfEnvelope(envelope)));
  }

  term(term: string): string {
    let d = this.terms.get(term);
    if (d === undefined) {
      d = digestOf(term);
      this.terms.set(term, d);
    }
    return d;
  }
}

/** 22 base64url characters (132 bits) of SHA-256; node:crypto, as this runs once per distinct part and node's
 *  native hash is several times faster than a JS one on keys of a few kilobytes. */
function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}
