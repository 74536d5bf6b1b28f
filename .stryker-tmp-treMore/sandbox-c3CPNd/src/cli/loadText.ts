// Reads a TR text for the text commands; unreadable input becomes one error line (exit 2).
import { readSourceText } from '../text/readSourceText.ts';
import type { SourceText } from '../text/SourceText.ts';
import { InputError } from './InputError.ts';

export function loadText(file: string, maxBytes?: number): SourceText {
  const read = readSourceText(file, maxBytes);
  if (!read.ok) throw new InputError(read.message);
  return read.source;
}
