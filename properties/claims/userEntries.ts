// The user credential entries a TRE evaluated, judged by the observer: which were wrong, and where they came from.
import type { Term } from '../../src/attacker/Term.ts';
import { termEquals } from '../../src/attacker/Term.ts';
import { victim } from './worldReaders.ts';

const pinOf = (t: Term): Term | undefined => (t.kind === 'tuple' ? t.items[1] : undefined);

/** Origin the entry carries (`local` at the device, `remote` as marked by the host [t10 cm7]). */
export function originOf(t: Term): string | undefined {
  const o = t.kind === 'tuple' ? t.items[2] : undefined;
  return o?.kind === 'name' ? o.id : undefined;
}

/** The wrong entries at the end of `entries` since the last right one (the consecutive wrong tries). */
export function trailingWrongEntries(entries: readonly Term[]): Term[] {
  const out: Term[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const pin = pinOf(entries[i]!);
    if (pin !== undefined && termEquals(pin, victim.userPin)) break;
    out.unshift(entries[i]!);
  }
  return out;
}
