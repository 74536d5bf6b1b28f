// canonicalJson: one text per value of plain data, whatever the key order; loud on what is not plain data.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/engine/canonicalJson.ts';

describe('canonicalJson', () => {
  it('gives equal texts for objects that differ only in key order, at every depth', () => {
    const a = { b: 1, a: [{ y: 'x', x: null }], c: { e: true, d: -0.5 } };
    const b = { c: { d: -0.5, e: true }, a: [{ x: null, y: 'x' }], b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":[{"x":null,"y":"x"}],"b":1,"c":{"d":-0.5,"e":true}}');
  });

  it('tells apart values that differ as data', () => {
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
  });

  it('reads undefined as JSON does: fields left out, array items null', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
  });

  it('agrees with JSON.parse: the text of parsed data parses back to the same data', () => {
    const value = { s: 'quote " and \\ and \u00e9', n: [0, 1e21, -3], o: { '': 'empty key' } };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it('writes every string, values and keys alike, as JSON.stringify does: escapes, surrogates and plain text', () => {
    const strings = ['plain', '', 'quote "', 'back\\slash', 'tab\t and nul \u0000', '\u001f', 'pair \ud83d\ude00', 'lone \ud800', 'lone \udfff end', '\u00e9\u2028'];
    for (const s of strings) {
      expect(canonicalJson(s)).toBe(JSON.stringify(s));
      expect(canonicalJson({ [s]: s })).toBe(`{${JSON.stringify(s)}:${JSON.stringify(s)}}`);
    }
  });

  it('sorts keys given out of order and keeps keys given in order', () => {
    expect(canonicalJson({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
    expect(canonicalJson({ a: 1, b: { d: 1, c: 2 } })).toBe('{"a":1,"b":{"c":2,"d":1}}');
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it.each([
    ['a Map', new Map([['k', 1]]), /a Map object is not plain data/],
    ['a Set inside an object', { s: new Set([1]) }, /a Set object is not plain data/],
    ['a class instance', new (class Point { x = 1 })(), /a Point object is not plain data/],
    ['a date', new Date(0), /a Date object is not plain data/],
    ['NaN', { n: Number.NaN }, /NaN is not JSON data/],
    ['Infinity', [Number.POSITIVE_INFINITY], /Infinity is not JSON data/],
    ['a function', { f: () => 1 }, /a function is not JSON data/],
    ['a bigint', 1n, /a bigint is not JSON data/],
  ])('refuses %s instead of printing it as {} or null', (_what, value, message) => {
    expect(() => canonicalJson(value)).toThrow(message);
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.assign(Object.create(null) as object, { b: 2, a: 1 });
    expect(canonicalJson(bare)).toBe('{"a":1,"b":2}');
  });
});
