// A store of the search (record pool, interning table, visited set, parent log) reached a hard ceiling of its own,
// or the process could not allocate it: the search is out of memory and must end inconclusive (limit 'memory')
// with what it explored, like a search past its memory budget, never with an uncaught error.

export class StoreLimitError extends RangeError {
  constructor(readonly store: string, detail: string) {
    super(`${store}: ${detail}`);
    this.name = 'StoreLimitError';
  }
}

/** Whether `error` means a store could not grow: one of ours at its ceiling, or a typed array or array the engine
 *  (V8) refused to allocate. Any other error is a bug and is not one of these. */
export function isStoreLimit(error: unknown): boolean {
  // By name too: a system loaded apart from the engine's own copy of this module (a worker's bundle) throws its own.
  if (error instanceof StoreLimitError || (error instanceof Error && error.name === 'StoreLimitError')) return true;
  return error instanceof RangeError && /Array buffer allocation failed|Invalid typed array length|Invalid array length|Array buffer allocation/.test(error.message);
}
