// Normalises decoded TR text so the parsers see one spelling of each character: LF line ends, straight
// quotes, ASCII dashes and spaces, no stray control characters. Line count is preserved, so file:line stays true.
export interface NormalisedText {
  /** One entry per line of the file as an editor numbers it (line 1 is lines[0]). */
  readonly lines: readonly string[];
  readonly lineEnding: 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';
}

const replacements: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u2018\u2019\u201a\u201b\u2032]/g, "'"],
  [/[\u201c\u201d\u201e\u201f\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' '],
  // Zero-width characters, BOMs left inside the text, and U+FFFD (a lost footnote mark in the seeds): drop them.
  [/[\u200b-\u200d\u2060\ufeff\ufffd]/g, ''],
  // Vertical tab (Word's manual line break), form feed and other C0/C1 controls become a space:
  // turning them into line breaks would shift every line number after them.
  [/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' '],
];

export function normaliseText(text: string): NormalisedText {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  const lf = (text.match(/(?<!\r)\n/g) ?? []).length;
  const kinds = [crlf > 0, cr > 0, lf > 0].filter(Boolean).length;
  const lineEnding = kinds > 1 ? 'mixed' : crlf > 0 ? 'crlf' : cr > 0 ? 'cr' : lf > 0 ? 'lf' : 'none';
  let body = text.replace(/\r\n?/g, '\n');
  for (const [pattern, replacement] of replacements) body = body.replace(pattern, replacement);
  const lines = body.split('\n');
  // A final line end does not start a line of its own.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return { lines, lineEnding };
}
