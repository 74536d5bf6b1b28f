// Unsigned LEB128: 7 bits a byte, low bits first, the high bit set on every byte but the last. Small numbers (the
// ids of a world's parts) take one or two bytes instead of four.

/** Bytes `value` (a non-negative integer below 2^31) takes. */
export function varintSize(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
}

/** Writes `value` at `at`; returns the offset after it. */
export function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    bytes[at++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  bytes[at++] = value;
  return at;
}

/** The value written at `at` (its size is `varintSize` of it). */
export function readVarint(bytes: Uint8Array, at: number): number {
  let byte = bytes[at]!;
  // Most values of a world's record take one byte: no loop for them.
  if (byte < 0x80) return byte;
  let value = byte & 0x7f;
  for (let shift = 7; byte >= 0x80; shift += 7) {
    byte = bytes[++at]!;
    value |= (byte & 0x7f) << shift;
  }
  return value >>> 0;
}
