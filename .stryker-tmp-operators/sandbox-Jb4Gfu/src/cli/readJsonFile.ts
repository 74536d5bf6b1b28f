// Reads a JSON input file named by the user; a missing or malformed file is one InputError line.
import { InputError } from './InputError.ts';
import { readInputFile } from './readInputFile.ts';

export function readJsonFile(what: string, file: string): unknown {
  const text = readInputFile(what, file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${what} ${file} is not JSON: ${(error as Error).message}`);
  }
}
