// Canonical JSON text of plain data (object keys sorted): two values get the same text exactly when
// they are equal as data. Used to intern machine snapshots, compare replayed states, identify searches.
// Strict on purpose: a Map or class instance would print as {} and silently merge distinct values.

/** Canonical text of plain JSON data; throws on values that are not plain data (Map, Set, class
 *  instances, functions, non-finite numbers), since they would not round-trip through JSON. */
export function canonicalJson(value: unknown): string {
  return canonical(value, canonicalJson);
}

/** The text `canonicalJsonOfUnchanged` wrote for each object and array, by identity. */
const written = new WeakMap<object, string>();

/** `canonicalJson` of a value none of whose objects or arrays is ever changed once made (XState snapshots and their
 *  contexts, message terms): the text of each is kept by identity, so the parts that values share (a context's
 *  unchanged fields, a term inside many messages) are written once. An object changed after its text was kept would
 *  keep the old text: never pass one that may be. */
export function canonicalJsonOfUnchanged(value: unknown): string {
  if (typeof value !== 'object' || value === null) return canonicalJson(value);
  let text = written.get(value);
  if (text === undefined) {
    text = canonical(value, canonicalJsonOfUnchanged);
    written.set(value, text);
  }
  return text;
}

/** The canonical text of `value`, its parts written by `part`. */
function canonical(value: unknown, part: (value: unknown) => string): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`canonicalJson: ${value} is not JSON data; use a finite number`);
    return JSON.stringify(value);
  }
  // As JSON.stringify does inside arrays; object fields that are undefined are left out below.
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(part).join(',')}]`;
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      const name = (proto as { constructor?: { name?: string } } | null)?.constructor?.name ?? 'non-plain';
      throw new Error(`canonicalJson: a ${name} object is not plain data; keep states, views and machine context to plain objects, arrays and primitives`);
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${part(record[k])}`).join(',')}}`;
  }
  throw new Error(`canonicalJson: a ${typeof value} is not JSON data`);
}
