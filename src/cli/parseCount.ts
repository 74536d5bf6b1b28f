// Validation of numeric command-line flags: a bad value is one InputError line naming the flag.
import { InputError } from './InputError.ts';

export function parseCount(flag: string, raw: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new InputError(`${flag} must be a whole number ${range}, got "${raw}"`);
  }
  return value;
}

/** Seconds (decimals allowed) to milliseconds. */
export function parseSeconds(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || !(value > 0)) throw new InputError(`${flag} must be a positive number of seconds, got "${raw}"`);
  return value * 1000;
}

/** "i/n" with 1 <= i <= n, as a zero-based shard. */
export function parseShard(raw: string | undefined): { index: number; count: number } | undefined {
  if (raw === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const i = Number(match?.[1]);
  const n = Number(match?.[2]);
  if (match === null || !(n >= 1) || !(i >= 1) || i > n) throw new InputError(`--shard must be i/n with 1 <= i <= n (for example 1/2), got "${raw}"`);
  return { index: i - 1, count: n };
}

const byteUnits: Readonly<Record<string, number>> = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };

/** A size in bytes: a number with an optional unit K, M, G or T (binary multiples; "KiB", "MB", "g" alike). Strict:
 *  "4 GB" and "1.5G" are sizes, "4x" and "G" are bad input (a lenient parser would read "4x" as 4 bytes). */
export function parseBytes(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*(?:([kmgt])(?:i?b)?|b)?$/i.exec(raw.trim());
  const value = match === null ? Number.NaN : Math.floor(Number(match[1]) * byteUnits[(match[2] ?? '').toLowerCase()]!);
  if (!(value >= 1) || !Number.isSafeInteger(value)) throw new InputError(`${flag} must be a size in bytes, with K, M, G or T for binary multiples (for example 4G), got "${raw}"`);
  return value;
}
