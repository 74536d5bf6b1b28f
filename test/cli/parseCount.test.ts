// The numeric flags' parsers: whole numbers in a range said plainly, a size in bytes (--max-memory) read strictly with
// binary multiples; bad input is one InputError naming the flag.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/InputError.ts';
import { parseBytes, parseCount } from '../../src/cli/parseCount.ts';

describe('parseCount', () => {
  it('reads whole numbers in range, and says the range, or only its floor when it has no ceiling', () => {
    expect(parseCount('--workers', '2', 1, 64)).toBe(2);
    expect(parseCount('--max-states', undefined, 1)).toBeUndefined();
    expect(() => parseCount('--workers', '65', 1, 64)).toThrow('--workers must be a whole number from 1 to 64, got "65"');
    expect(() => parseCount('--max-states', '0', 1)).toThrow('--max-states must be a whole number of at least 1, got "0"');
    expect(() => parseCount('--max-states', '2.5', 1)).toThrow(InputError);
  });
});

describe('parseBytes', () => {
  it('reads bytes and binary multiples, with or without "B" or "iB", in any case', () => {
    expect(parseBytes('--max-memory', undefined)).toBeUndefined();
    expect(parseBytes('--max-memory', '4096')).toBe(4096);
    expect(parseBytes('--max-memory', '512b')).toBe(512);
    expect(parseBytes('--max-memory', '64K')).toBe(64 * 1024);
    expect(parseBytes('--max-memory', '512MiB')).toBe(512 * 2 ** 20);
    expect(parseBytes('--max-memory', '4 GB')).toBe(4 * 2 ** 30);
    expect(parseBytes('--max-memory', '1.5g')).toBe(1.5 * 2 ** 30);
    expect(parseBytes('--max-memory', '2T')).toBe(2 * 2 ** 40);
  });

  it('refuses what a lenient parser would read as a number of bytes, naming the flag', () => {
    for (const bad of ['4x', 'G', '', '-1G', '0', '0.1', '4 G B', '1e9', 'GB4']) {
      expect(() => parseBytes('--max-memory', bad), bad).toThrow(InputError);
    }
    expect(() => parseBytes('--max-memory', '4x')).toThrow('--max-memory must be a size in bytes, with K, M, G or T for binary multiples (for example 4G), got "4x"');
  });
});
