// A TR text as the text tools read it: its display name, normalised lines, and what the bytes were.
import type { TextEncodingName } from './decodeText.ts';
import type { NormalisedText } from './normaliseText.ts';

export interface SourceText {
  /** The name printed in findings: the path as the user gave it. */
  readonly name: string;
  readonly lines: readonly string[];
  readonly encoding: TextEncodingName;
  readonly lineEnding: NormalisedText['lineEnding'];
}
