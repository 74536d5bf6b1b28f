// Golden files of the report writers (test/golden/report): output with the out folder, timings and provenance
// (commit, source hash, Node, version) replaced by placeholders. UPDATE_GOLDEN=1 rewrites them (then review).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { packageVersion } from '../../src/report/packageVersion.ts';

const goldenDir = fileURLToPath(new URL('../golden/report/', import.meta.url));

export function placeholders(text: string, outDir?: string): string {
  const v = packageVersion().replace(/\./g, '\\.');
  let out = outDir === undefined ? text : text.split(outDir).join('<out>');
  out = out
    .replace(/"millis": [\d.e+-]+/g, '"millis": "<ms>"')
    .replace(/\b\d+ ms\b/g, '<ms>')
    .replace(/\btime="[\d.]+"/g, 'time="<s>"')
    .replace(/("commit": )"[0-9a-f]{40}"/g, '$1"<commit>"')
    .replace(/commit ([0-9a-f]{12}|unknown)/g, 'commit <commit>')
    .replace(/("sourcesHash": )"[0-9a-f]{64}"/g, '$1"<hash>"')
    .replace(/sha256 [0-9a-f]{16}/g, 'sha256 <hash>')
    .replace(/v\d+\.\d+\.\d+/g, '<node>')
    .replace(new RegExp(`("(?:semanticV|v)ersion": )"${v}"`, 'g'), '$1"<version>"')
    .replace(new RegExp(`trecheck ${v}\\b`, 'g'), 'trecheck <version>');
  return out;
}

/** Compares with test/golden/report/<name>, or writes it when UPDATE_GOLDEN=1. */
export function expectReportGolden(name: string, text: string): void {
  const file = path.join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  if (!existsSync(file)) throw new Error(`missing golden file test/golden/report/${name}; create it with UPDATE_GOLDEN=1 npx vitest run test/report and review it`);
  expect(text).toBe(readFileSync(file, 'utf8'));
}
