// What the attacker may try to deliver in Alternative 3a, as typed schemas (src/attacker/TypedSchema.ts): the
// shapes of the messages a role accepts, with typed slots. Which instances it can build is left to synthesis.
import { mac, name, senc, tuple } from '../../src/attacker/Term.ts';
import type { TypedSchema } from '../../src/attacker/TypedSchema.ts';
import type { Capability3a } from './Alt3aConfig.ts';
import type { Role3a } from './Message3a.ts';

const v = (slot: string) => name(slot);

export interface AttackSchema {
  readonly capability: Capability3a;
  readonly to: Role3a;
  readonly schema: TypedSchema;
}

export const attackSchemas3a: readonly AttackSchema[] = [
  // False base station (threat 2): a challenge with an AUTN, an OTA key or IMSI command to the USIM.
  { capability: 'a3a.falseBaseStation', to: 'usim', schema: { template: tuple(name('challenge'), v('?r'), mac(v('?k'), tuple(name('autn'), v('?r')))), slots: { '?r': 'rand', '?k': 'ki' } } },
  { capability: 'a3a.falseBaseStation', to: 'usim', schema: { template: senc(v('?o'), tuple(name('otaKey'), v('?k'))), slots: { '?o': 'ota', '?k': 'ki' } } },
  { capability: 'a3a.falseBaseStation', to: 'usim', schema: { template: senc(v('?o'), tuple(name('otaImsi'), v('?i'))), slots: { '?o': 'ota', '?i': 'imsi' } } },
  { capability: 'a3a.falseBaseStation', to: 'usim', schema: { template: senc(v('?o'), tuple(name('otaKeys'), v('?n'))), slots: { '?o': 'ota', '?n': 'ota' } } },
  // Masquerade as the user towards the new MNO (threat 2): a response, or an OTA proof of receipt.
  { capability: 'a3a.masquerade', to: 'newMno', schema: { template: tuple(name('res'), v('?i'), mac(v('?k'), v('?r'))), slots: { '?i': 'imsi', '?k': 'ki', '?r': 'rand' } } },
  { capability: 'a3a.masquerade', to: 'newMno', schema: { template: mac(v('?o'), tuple(name('otaKeyDone'), v('?k'))), slots: { '?o': 'ota', '?k': 'ki' } } },
  { capability: 'a3a.masquerade', to: 'newMno', schema: { template: mac(v('?o'), tuple(name('otaImsiDone'), v('?i'))), slots: { '?o': 'ota', '?i': 'imsi' } } },
  { capability: 'a3a.masquerade', to: 'newMno', schema: { template: mac(v('?o'), tuple(name('otaKeysDone'), v('?o'))), slots: { '?o': 'ota' } } },
];
