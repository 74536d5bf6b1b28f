// Validation of numeric command-line flags: a bad value is one InputError line naming the flag.
import { InputError } from './InputError.ts';

export function parseCount(flag: string, raw: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new InputError(`${flag} must be a whole number from ${min} to ${max}, got "${raw}"`);
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
