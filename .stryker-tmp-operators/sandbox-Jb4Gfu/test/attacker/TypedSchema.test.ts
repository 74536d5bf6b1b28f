// Typed schemas: slots range over the known names of their type; only derivable instances come out.
import { describe, expect, it } from 'vitest';
import { knowledgeOf } from '../../src/attacker/knowledge.ts';
import { mac, name, senc, showTerm, tuple } from '../../src/attacker/Term.ts';
import { namesByType, synthesise, type TypedSchema } from '../../src/attacker/TypedSchema.ts';

const typeOf = (id: string): string | undefined => (id.includes(':') ? id.slice(0, id.indexOf(':')) : undefined);
const otaKey: TypedSchema = { template: senc(name('?o'), tuple(name('otaKey'), name('?k'))), slots: { '?o': 'ota', '?k': 'ki' } };

describe('TypedSchema', () => {
  it('groups the known names by type, leaving untyped names out', () => {
    const k = knowledgeOf([name('ki:a'), name('ki:b'), name('ota:x'), name('plain')]);
    expect([...namesByType(k, typeOf).entries()].map(([t, ns]) => [t, ns.map(showTerm)])).toEqual([
      ['ki', ['ki:a', 'ki:b']],
      ['ota', ['ota:x']],
    ]);
  });

  it('builds one instance per combination of known names of the slot types', () => {
    const k = knowledgeOf([name('ki:a'), name('ki:b'), name('ota:x')]);
    expect(synthesise(otaKey, k, typeOf).map(showTerm)).toEqual(['senc(<otaKey, ki:a>, ota:x)', 'senc(<otaKey, ki:b>, ota:x)']);
  });

  it('builds nothing when a slot has no known name of its type (no key, no forgery)', () => {
    expect(synthesise(otaKey, knowledgeOf([name('ki:a')]), typeOf)).toEqual([]);
  });

  it('takes a name learnt from an opened message, and keeps crypto to derivable keys', () => {
    // ki:b arrives inside a ciphertext under ota:x: known once ota:x is known, not before.
    const sealed = senc(name('ota:x'), name('ki:b'));
    const schema: TypedSchema = { template: mac(name('?k'), name('?k')), slots: { '?k': 'ki' } };
    expect(synthesise(schema, knowledgeOf([sealed, name('ki:a')]), typeOf).map(showTerm)).toEqual(['mac(ki:a, ki:a)']);
    expect(synthesise(schema, knowledgeOf([sealed, name('ki:a'), name('ota:x')]), typeOf).map(showTerm)).toEqual(['mac(ki:a, ki:a)', 'mac(ki:b, ki:b)']);
  });
});
