// Spreads a 64-bit fingerprint (two 32-bit halves) over 32 bits: MurmurHash3's fmix32 finaliser,
// so packed keys that differ in a few low bits land far apart in the visited table.

export function mix32(hi: number, lo: number): number {
  let h = lo ^ Math.imul(hi, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
