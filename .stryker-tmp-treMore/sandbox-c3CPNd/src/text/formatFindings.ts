// Prints findings the way compilers do, `file:line:col: message`, so editors can jump to them.
import { countDefects, type Finding } from './Finding.ts';

export function formatFinding(f: Finding): string {
  const where = f.line === undefined ? `${f.file}:` : f.column === undefined ? `${f.file}:${f.line}:` : `${f.file}:${f.line}:${f.column}:`;
  const kind = f.severity === 'note' ? ' note:' : '';
  const fix = f.suggestion === undefined ? '' : ` (${f.suggestion})`;
  return `${where}${kind} ${f.message}${fix}`;
}

/** All findings, one per line, then a one-line count. */
export function formatFindings(findings: readonly Finding[], subject: string): string {
  const defects = countDefects(findings);
  const notes = findings.length - defects;
  const lines = findings.map(formatFinding);
  lines.push(`${subject}: ${plural(defects, 'defect')}, ${plural(notes, 'note')}`);
  return `${lines.join('\n')}\n`;
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
