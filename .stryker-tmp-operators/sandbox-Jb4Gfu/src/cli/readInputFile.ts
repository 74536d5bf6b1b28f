// Reads a text file named by the user; a missing or unreadable file is one InputError line.
import { readFileSync } from 'node:fs';
import { InputError } from './InputError.ts';

/** `what` names the file's role in the message ("cannot read trace t.json: ENOENT"). */
export function readInputFile(what: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
