// `diff --check` into the reports: an edited text with a reference removed and a "shall" weakened; every format
// annotates both edited lines of the NEW text and lists the affected properties' verdicts, before and now.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/CliContext.ts';
import { runCheckReport } from '../../src/cli/commands/check.ts';
import { registerDiffWith } from '../../src/cli/commands/diff.ts';
import { runCliCaptured } from '../../src/cli/main.ts';
import { findMultitool, validateSarif } from '../report/sarifMultitool.ts';
import { describeWithSeeds, fixturePath, seedPath } from '../text/textFixtures.ts';

const root = mkdtempSync(join(tmpdir(), 'trecheck-diff-check-'));

/** Writes `text` with lines replaced (1-based line -> [from, to]). */
function edited(name: string, text: string, edits: Record<number, [string, string]>): string {
  const lines = text.split('\n');
  for (const [n, [from, to]] of Object.entries(edits)) {
    const i = Number(n) - 1;
    expect(lines[i]).toContain(from);
    lines[i] = lines[i]!.replace(from, to);
  }
  const file = join(root, name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

const read = (out: string, f: string): string => readFileSync(join(out, f), 'utf8');

function expectAnnotated(out: string, newFile: string, lines: { removed: number; weakened: number }, property: string): void {
  const sarif = JSON.parse(read(out, 'report.sarif')) as Sarif.Log;
  const results = sarif.runs[0]!.results!;
  const at = (r: Sarif.Result) => [r.locations![0]!.physicalLocation!.artifactLocation!.uri!.split('/').at(-1), r.locations![0]!.physicalLocation!.region!.startLine];
  const name = newFile.split('/').at(-1);
  const weakened = results.filter((r) => r.ruleId === 'diff/weakened-requirement');
  expect(weakened.map(at)).toEqual([[name, lines.weakened]]);
  expect(weakened[0]!.level).toBe('warning');
  expect(results.filter((r) => r.ruleId === 'diff/lost-support' || r.ruleId === 'diff/removed-reference').map(at)).toContainEqual([name, lines.removed]);
  const rerun = results.find((r) => r.ruleId === 'trecheck/affected-property')!;
  expect(rerun.message.text).toContain(`${property} (checks `);
  expect(rerun.message.text).toContain('no verdict changed');
  const md = read(out, 'report.md');
  expect(md).toContain(`${newFile}:${lines.weakened}`);
  expect(md).toContain(`${newFile}:${lines.removed}`);
  expect(md).toMatch(new RegExp(`## Properties re-run \\(diff --check\\)\\n\\nNo verdict changed: [^\\n]+\\n\\n\\| property \\|[^\\n]+\\n[^\\n]+\\n\\| ${property} \\| ${newFile.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+ \\|`));
  const junit = read(out, 'junit.xml');
  expect(junit).toContain('<testsuite name="diff --check"');
  expect(junit).toMatch(new RegExp(`<testcase name="[^"]+ ${property}" classname="recheck"`));
  const tool = findMultitool();
  if (tool.ok) expect(validateSarif(tool.binary, join(out, 'report.sarif'))).toEqual([]);
}

describe('diff --check into the reports, on hand-made texts', () => {
  it('annotates the removed reference and the weakened "shall" at their new lines and lists the re-run verdicts', async () => {
    const original = readFileSync(fixturePath('diff-old.txt'), 'utf8');
    // Old: the policy sentence says "shall"; new: it says "may", and the registry sentence lost its [t8 cm7].
    const oldFile = edited('old.txt', original, { 11: ['should', 'shall'] });
    const newFile = edited('new.txt', original, { 11: ['should', 'may'], 13: [' [t8 cm7]', ''] });
    const out = join(root, 'fixture-out');
    let stdout = '';
    let code = -1;
    const ctx: CliContext = { out: (t) => void (stdout += t), err: (t) => void (stdout += t), interactive: false, exit: (c) => void (code = c) };
    const program = new Command('trecheck').exitOverride();
    // Coverage links of a test: the two touched counter-measures, each checked by one cheap property of t6.
    registerDiffWith({
      propertyCoverage: [{ id: 'TreFirmwareOnlyFromSupplier', counterMeasures: ['t6.cm3', 't8.cm7'] }],
      rerun: async (ids, c, dir) => runCheckReport({ property: [...ids], format: [], out: dir }, c),
    })(program, ctx);
    await program.parseAsync(['diff', oldFile, newFile, '--check', '--format', 'sarif,md,junit', '--out', out], { from: 'user' });

    expect(stdout).toContain(`${newFile}:11: WEAKENED requirement (was line 11): The TE {-shall-} {+may+} support`);
    expect(stdout).toContain('check: no verdict changed: ');
    expect(code).toBe(1);
    expectAnnotated(out, newFile, { removed: 13, weakened: 11 }, 'TreFirmwareOnlyFromSupplier');
  });
});

describeWithSeeds('diff --check into the reports, on an edited copy of 004', () => {
  it('annotates both edited lines of the new file and lists the re-run verdicts in sarif, md and junit', async () => {
    const original = readFileSync(seedPath('004'), 'utf8');
    const oldFile = edited('004-shall.txt', original, { 72: ['A TRE should support', 'A TRE shall support'] });
    const newFile = edited('004-edited.txt', original, { 72: ['A TRE should support', 'A TRE may support'], 66: [' [t4 cm5, t6 cm5]', ''] });
    const out = join(root, 'seed-out');

    const r = await runCliCaptured(['diff', oldFile, newFile, '--check', '--format', 'sarif,md,junit', '--out', out]);

    expect(r.stdout).toContain('check: re-running TamperedTreServesNoMcim\n');
    expectAnnotated(out, newFile, { removed: 66, weakened: 72 }, 'TamperedTreServesNoMcim');
  });
});
