// Envelope keys: a message read back from its key is the same message, and keys sort by kind as the flows run.
import { describe, expect, it } from 'vitest';
import { bootTerm, deviceNames, lifecycleCommandTerm, preprovisionTerm, supplyTerm, type Message } from '../../models/messages.ts';
import { envelopeKey, messageOfKey } from '../../models/world/envelopeKey.ts';

describe('envelopeKey', () => {
  const d = deviceNames('dev1');
  const messages: Message[] = [
    { kind: 'lifecycleCommand', from: 'sho2', to: 'm2me', term: lifecycleCommandTerm('sho2', d.pcid, 'UNBLOCK') },
    { kind: 'boot', from: 'm2me', to: 'tre', term: bootTerm() },
    { kind: 'supply', from: 'supplier', to: 'subscriber', term: supplyTerm(d) },
    { kind: 'preprovision', from: 'supplier', to: 'tre', term: preprovisionTerm(d) },
  ];

  it('reads back into the message it names', () => {
    for (const m of messages) expect(messageOfKey(envelopeKey(m))).toEqual(m);
  });

  it('sorts by message kind in protocol order, then channel', () => {
    const sorted = messages.map(envelopeKey).sort().map((k) => messageOfKey(k).kind);
    expect(sorted).toEqual(['preprovision', 'supply', 'boot', 'lifecycleCommand']);
    const a = envelopeKey({ kind: 'registration', from: 'ro', to: 'sho1', term: bootTerm() });
    const b = envelopeKey({ kind: 'registration', from: 'ro', to: 'sho2', term: bootTerm() });
    expect(a < b).toBe(true);
  });
});
