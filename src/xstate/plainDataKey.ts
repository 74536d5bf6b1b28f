// Canonical text of plain data (JSON with object keys sorted) used to intern machine snapshots.
// Strict on purpose: a Map or class instance would print as {} and silently merge distinct states.

/** Canonical text of plain JSON data; throws on values that are not plain data, since they cannot be keyed. */
export function plainDataKey(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`plainDataKey: ${value} is not JSON data; use a finite number`);
    return JSON.stringify(value);
  }
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(plainDataKey).join(',')}]`;
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new Error(
        `plainDataKey: a ${proto?.constructor?.name ?? 'non-plain'} object is not plain data; keep machine context to plain objects, arrays and primitives`,
      );
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${plainDataKey(record[k])}`).join(',')}}`;
  }
  throw new Error(`plainDataKey: a ${typeof value} is not JSON data`);
}
