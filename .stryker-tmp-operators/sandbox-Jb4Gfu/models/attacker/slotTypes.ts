// The types of the slots of the message schemas (messageSchemas.ts), in one table: a name's type follows from its
// prefix, so the values of a type the attacker may use are the names of that type it holds, plus one value of its
// own. The attacker's own values of one type are interchangeable (no role holds or compares them: fresh names in
// the sense of data independence, Wolper 1986), so one stands for all of them.
import { knownTerms, type Knowledge } from '../../src/attacker/knowledge.ts';
import type { SlotTyping } from '../../src/attacker/synthesis.ts';
import { name, type Term } from '../../src/attacker/Term.ts';
import { mcimLifecycleEventTypes } from '../mcimLifecycle.ts';
import { firmwareVersions } from '../messages.ts';
import { shoIds } from '../roleIds.ts';

/** Types of names by prefix; the first prefix that matches decides (longer ones first). */
const byPrefix: readonly (readonly [prefix: string, type: string])[] = [
  ['pcid:', 'pcid'], ['nreg:', 'nonce'], ['rand:', 'rand'], ['tok:', 'token'], ['pin:', 'pin'],
  ['imsi:', 'imsi'], ['ki:', 'ki'], ['code:', 'code'], ['k:pin:', 'pinKey'], ['k:init:', 'initKey'],
  ['sk:tre:', 'treKey'], ['sk:sho', 'shoKey'], ['sk:ro', 'roKey'], ['sk:es', 'esKey'], ['sk:pva', 'pvaKey'],
];

/** Types whose values are a fixed public vocabulary (a slot with a prefix writes the value after it). */
const enumerations: Readonly<Record<string, readonly string[]>> = {
  sho: shoIds,
  version: firmwareVersions,
  event: mcimLifecycleEventTypes,
  verdict: ['ok', 'fail'],
  mode: ['via-old-sho', 'pristine'],
  origin: ['local', 'remote'],
};

/** Private keys of roles, by role; the attacker's own keys are of type `key` (schemas offer a signature under one
 *  of its own keys beside each signature under a role's key). */

/** The attacker's own names, by type (attackerModel.ts gives them to it): keys, nonce, token, credentials, guesses. */
export const ownNames: Readonly<Record<string, readonly string[]>> = {
  key: ['sk:attacker', 'sk:emu'],
  nonce: ['nreg:attacker'],
  token: ['tok:attacker'],
  imsi: ['imsi:attacker'],
  ki: ['ki:attacker'],
  code: ['code:attacker'],
  pin: ['pin:guess:1', 'pin:guess:2'],
};
const own = new Set(Object.values(ownNames).flat());

/** The type of a name, or undefined for a name of no slot type (tags, constants). */
export function typeOfName(id: string): string | undefined {
  if (ownNames.key!.includes(id)) return 'key';
  return byPrefix.find(([prefix]) => id.startsWith(prefix))?.[1];
}

/** The one own value standing for the attacker's own values of `type` (undefined: it has none of that type). */
function ownValue(type: string): string | undefined {
  return ownNames[type]?.[0];
}

/** Fixed values for slots no receiver inspects: the attacker's own where it has one, else the first value. */
const representatives: Readonly<Record<string, string>> = { pcid: 'pcid:dev1' };

export const slotTyping: SlotTyping = {
  domain(type: string, knowledge: Knowledge): readonly Term[] {
    let byType = domains.get(knowledge);
    if (byType === undefined) domains.set(knowledge, (byType = new Map()));
    let values = byType.get(type);
    if (values === undefined) {
      values = domainOf(type, knowledge);
      byType.set(type, values);
    }
    return values;
  },
  representative(type: string): Term {
    const id = ownValue(type) ?? representatives[type] ?? enumerations[type]?.[0];
    // Every type of the schemas has an own value, a representative or an enumeration (test/attacker/synthesis).
    if (id === undefined) throw new Error(`slot type '${type}' has no representative value`);
    return name(id);
  },
  isOfType(value: Term, type: string): boolean {
    if (value.kind !== 'name') return false;
    const values = enumerations[type];
    if (values !== undefined) return values.includes(value.id);
    // One own value stands for all of the type, in a held term as in a built one.
    if (own.has(value.id)) return value.id === ownValue(type);
    return typeOfName(value.id) === type;
  },
};

const domains = new WeakMap<Knowledge, Map<string, readonly Term[]>>();

function domainOf(type: string, knowledge: Knowledge): readonly Term[] {
  const values = enumerations[type];
  if (values !== undefined) return values.map(name);
  const ids = new Set<string>();
  const mine = ownValue(type);
  for (const t of knownTerms(knowledge)) {
    if (t.kind !== 'name' || typeOfName(t.id) !== type) continue;
    if (!own.has(t.id)) ids.add(t.id);
  }
  // A name's canonical text is its id (Term.ts showTerm).
  if (mine !== undefined && knowledge.terms.has(mine)) ids.add(mine);
  return [...ids].sort().map(name);
}
