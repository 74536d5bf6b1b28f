// 64-bit string hash for state fingerprints when a system's key is a string: two 32-bit
// multiply-xor lanes with a cross-mixing finaliser (the structure of cyrb53, kept to the full 64 bits).

/** Hashes `text` with `seed`; the two 32-bit halves are written to `out[0]` (high) and `out[1]` (low). */
export function hashString64(text: string, seed: number, out: Uint32Array): void {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  out[0] = h1;
  out[1] = h2;
}
