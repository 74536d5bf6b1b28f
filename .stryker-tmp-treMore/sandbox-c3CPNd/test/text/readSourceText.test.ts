// Reading TR texts in the encodings and line ends Word exports produce, and refusing what is not text.
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/text/decodeText.ts';
import { normaliseText } from '../../src/text/normaliseText.ts';
import { sourceFromBytes } from '../../src/text/readSourceText.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decodeText(utf8('Editor\u2019s note'))).toEqual({ ok: true, text: 'Editor\u2019s note', encoding: 'utf-8' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('x')]);
    expect(decodeText(bom)).toEqual({ ok: true, text: 'x', encoding: 'utf-8' });
  });

  it('reads UTF-16 little and big endian with a byte order mark', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x19, 0x20]))).toEqual({ ok: true, text: 'A\u2019', encoding: 'utf-16le' });
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x00, 0x41, 0x20, 0x19]))).toEqual({ ok: true, text: 'A\u2019', encoding: 'utf-16be' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (curly quotes 0x93/0x94, bullet 0xB7)', () => {
    const r = decodeText(new Uint8Array([0x93, 0x41, 0x94, 0x20, 0xb7]));
    expect(r).toEqual({ ok: true, text: '\u201cA\u201d \u00b7', encoding: 'windows-1252' });
  });

  it('refuses bytes with NUL or many control characters', () => {
    expect(decodeText(new Uint8Array([0x41, 0x00, 0x42])).ok).toBe(false);
    expect(decodeText(new Uint8Array(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? 0x01 : 0x41)))).ok).toBe(false);
  });
});

describe('normaliseText', () => {
  it('keeps the line count and numbering for LF, CRLF and CR line ends', () => {
    for (const end of ['\n', '\r\n', '\r']) {
      expect(normaliseText(['a', 'b', '', 'c'].join(end) + end).lines).toEqual(['a', 'b', '', 'c']);
    }
    expect(normaliseText('a\r\nb\nc').lineEnding).toBe('mixed');
  });

  it('straightens quotes and dashes, turns stray control characters and no-break spaces into spaces, drops U+FFFD', () => {
    const { lines } = normaliseText('\u201cstakeholder\u201d \u2013 it\u2019s\u000bhere\u00a0now\ufffd\u2026');
    expect(lines).toEqual(['"stakeholder" - it\'s here now...']);
  });

  it('gives the file name and encoding with the lines', () => {
    const r = sourceFromBytes('x.txt', utf8('line 1\nline 2\n'));
    expect(r.ok && r.source).toEqual({ name: 'x.txt', lines: ['line 1', 'line 2'], encoding: 'utf-8', lineEnding: 'lf' });
  });
});
