// The user credential entries a TRE evaluated, judged by the observer: which were wrong, and where they came from.
import type { Term } from '../../src/attacker/Term.ts';
import { termEquals } from '../../src/attacker/Term.ts';
import { keypadKey } from '../../models/messages.ts';
import { victim } from './worldReaders.ts';

/** The credential an entry carries: as entered, or opened from the keypad's tunnel [t10 cm5] with the device's keypad
 *  key (the observer knows every key). */
function pinOf(t: Term): Term | undefined {
  const entered = t.kind === 'tuple' ? t.items[1] : undefined;
  if (entered?.kind !== 'senc') return entered;
  const body = termEquals(entered.key, keypadKey(victim.pcid)) ? entered.body : undefined;
  return body?.kind === 'tuple' && body.items.length === 3 ? body.items[1] : undefined;
}

/** The entry carries the device's user credential. */
export function isRightEntry(t: Term): boolean {
  const pin = pinOf(t);
  return pin !== undefined && termEquals(pin, victim.userPin);
}

/** Origin the entry carries (`local` at the device, `remote` as marked by the host [t10 cm7]). */
export function originOf(t: Term): string | undefined {
  const o = t.kind === 'tuple' ? t.items[2] : undefined;
  return o?.kind === 'name' ? o.id : undefined;
}

/** The wrong entries at the end of `entries` since the last right one (the consecutive wrong tries). */
export function trailingWrongEntries(entries: readonly Term[]): Term[] {
  const out: Term[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    if (isRightEntry(entries[i]!)) break;
    out.unshift(entries[i]!);
  }
  return out;
}
