// Canonical JSON text of plain data (object keys sorted): two values get the same text exactly when
// they are equal as data. Used to intern machine snapshots, compare replayed states, identify searches.
// Strict on purpose: a Map or class instance would print as {} and silently merge distinct values.

/** Canonical text of plain JSON data; throws on values that are not plain data (Map, Set, class
 *  instances, functions, non-finite numbers), since they would not round-trip through JSON. Built as one string,
 *  keys sorted only when they are not in order already: it keys every step a role's table meets for the first time,
 *  which makes it a tenth of a first search (docs/engine.md). */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return quoted(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`canonicalJson: ${value} is not JSON data; use a finite number`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      // As JSON.stringify does inside arrays; object fields that are undefined are left out below.
      return 'null';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let text = '[';
        for (let i = 0; i < value.length; i++) text += (i === 0 ? '' : ',') + canonicalJson(value[i]);
        return `${text}]`;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        const name = (proto as { constructor?: { name?: string } } | null)?.constructor?.name ?? 'non-plain';
        throw new Error(`canonicalJson: a ${name} object is not plain data; keep states, views and machine context to plain objects, arrays and primitives`);
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      for (let i = 1; i < keys.length; i++) {
        if (keys[i - 1]! > keys[i]!) {
          keys.sort();
          break;
        }
      }
      let text = '{';
      for (let i = 0; i < keys.length; i++) {
        const field = record[keys[i]!];
        if (field === undefined) continue;
        text += `${text.length === 1 ? '' : ','}${quoted(keys[i]!)}:${canonicalJson(field)}`;
      }
      return `${text}}`;
    }
    default:
      throw new Error(`canonicalJson: a ${typeof value} is not JSON data`);
  }
}

/** Characters JSON escapes: controls, the quote, the backslash, and (well-formed JSON.stringify) lone surrogates. */
const needsEscape = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** JSON text of a string: most need no escape, and quoting them is cheaper than JSON.stringify. */
function quoted(text: string): string {
  return needsEscape.test(text) ? JSON.stringify(text) : `"${text}"`;
}
