// Copies of typed arrays on shared memory. Posted to another thread, shared memory is shared: neither copied (a
// structured clone serialises an ordinary buffer here and builds it again there) nor detached (as a transferred buffer
// is, which throws away this thread's optimised code: docs/engine.md "The handover shares the records"). V8 does not
// count shared memory as memory to collect, so a thread that drops such an array collects it itself
// (collectReplaced.ts `collectNow`).

type Shareable = Uint8Array | Uint16Array | Int32Array | Uint32Array;
type Shared<T extends Shareable> = T extends Uint8Array ? Uint8Array<SharedArrayBuffer> : T extends Uint16Array ? Uint16Array<SharedArrayBuffer> : T extends Int32Array ? Int32Array<SharedArrayBuffer> : Uint32Array<SharedArrayBuffer>;

/** `array` copied to the start of `length` elements (at least its own) of shared memory. */
export function sharedCopy<T extends Shareable>(array: T, length = array.length): Shared<T> {
  const Kind = array.constructor as new (buffer: SharedArrayBuffer) => Shareable;
  const copy = new Kind(new SharedArrayBuffer(Math.max(length, array.length) * array.BYTES_PER_ELEMENT));
  copy.set(array);
  return copy as Shared<T>;
}
