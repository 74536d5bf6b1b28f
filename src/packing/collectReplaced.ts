// A large typed array replaced by a larger copy (a table's slots, a bitset grown) stays resident until V8's next full
// collection, and a search that allocates little on the JavaScript heap may not run one for minutes: at 5 injections
// the slots and bits left behind were some 200 MB of the peak RSS. So a store that drops one of at least
// `collectFrom` bytes asks for a full collection then (a few a search, each some tens of milliseconds).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const collectFrom = 32 * 2 ** 20;
let collect: (() => void) | undefined;

/** Called by a store that has just dropped an array of `bytes` bytes for a larger one; `shared`: it was on shared memory
 *  (a table handed to another thread, RecordTable.moveOut), which V8 does not count as memory to collect, so it is
 *  collected now whatever its size. */
export function collectReplaced(bytes: number, shared = false): void {
  if (shared || bytes >= collectFrom) collectNow();
}

/** A full collection now. */
export function collectNow(): void {
  if (collect === undefined) {
    // --expose-gc set now exposes `gc` to contexts made after it, not to this one.
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
