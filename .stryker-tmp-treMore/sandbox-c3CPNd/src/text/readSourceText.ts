// Loads a file as a SourceText, or says in one line why it cannot be read (missing, directory, binary).
import { readFileSync, statSync } from 'node:fs';
import { decodeText } from './decodeText.ts';
import { normaliseText } from './normaliseText.ts';
import type { SourceText } from './SourceText.ts';

export type ReadResult =
  | { readonly ok: true; readonly source: SourceText }
  | { readonly ok: false; readonly code: 'missing' | 'not-a-file' | 'unreadable' | 'binary'; readonly message: string };

/** Texts larger than this are not contributions to a TR (the whole of TR 33.812 is under 2 MiB); `--max-bytes` raises it. */
export const defaultMaxBytes = 16 * 1024 * 1024;

export function readSourceText(path: string, maxBytes = defaultMaxBytes): ReadResult {
  let bytes: Uint8Array;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { ok: false, code: 'not-a-file', message: `${path}: not a regular file` };
    if (stat.size > maxBytes) return { ok: false, code: 'unreadable', message: `${path}: ${stat.size} bytes is more than the limit of ${maxBytes} bytes for a TR text (raise it with --max-bytes)` };
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, code: 'missing', message: `${path}: no such file` };
    return { ok: false, code: 'unreadable', message: `${path}: cannot read (${code ?? 'unknown error'})` };
  }
  return sourceFromBytes(path, bytes);
}

/** The same from bytes already in memory (tests, stdin). */
export function sourceFromBytes(name: string, bytes: Uint8Array): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, code: decoded.code, message: `${name}: ${decoded.message}` };
  const { lines, lineEnding } = normaliseText(decoded.text);
  return { ok: true, source: { name, lines, encoding: decoded.encoding, lineEnding } };
}
