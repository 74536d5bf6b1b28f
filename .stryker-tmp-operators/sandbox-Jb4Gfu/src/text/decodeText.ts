// Turns the bytes of a TR text file into a string: UTF-8 (with or without BOM), UTF-16 with BOM,
// or Windows-1252 (what Word saves as "plain text"); refuses binary files. Expected failures are values.
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncodingName }
  | { readonly ok: false; readonly code: 'binary'; readonly message: string };

/** Control characters other than tab, LF, CR, VT and FF: a few are noise, many mean "not text". */
const isBinaryControl = (b: number): boolean => (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d) || b === 0x7f;

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  // NUL never occurs in 8-bit text; more than 1% other control bytes means an image, archive or document format.
  let controls = 0;
  for (const b of bytes) {
    if (b === 0) return binary(bytes.length);
    if (isBinaryControl(b)) controls += 1;
  }
  if (controls > Math.max(2, bytes.length / 100)) return binary(bytes.length);
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
    return { ok: true, text, encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: every byte is a character in Windows-1252, the encoding of Word's "Text Only" export.
    return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Windows-1252 bytes 0x80-0x9F (Node's small ICU decodes them as C1 controls, as ISO-8859-1 does); undefined slots stay as they are. */
const cp1252High = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? (cp1252High[b - 0x80] ?? '') : String.fromCharCode(b);
  return out;
}

function binary(size: number): DecodeResult {
  return { ok: false, code: 'binary', message: `looks like a binary file (${size} bytes with NUL or control bytes), not text` };
}
