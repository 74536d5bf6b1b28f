// Canonical JSON text of plain data (object keys sorted): two values get the same text exactly when
// they are equal as data. Used to intern machine snapshots, compare replayed states, identify searches.
// Strict on purpose: a Map or class instance would print as {} and silently merge distinct values.

/** Canonical text of plain JSON data; throws on values that are not plain data (Map, Set, class
 *  instances, functions, non-finite numbers), since they would not round-trip through JSON. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`canonicalJson: ${value} is not JSON data; use a finite number`);
    return JSON.stringify(value);
  }
  // As JSON.stringify does inside arrays; object fields that are undefined are left out below.
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
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
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  throw new Error(`canonicalJson: a ${typeof value} is not JSON data`);
}
