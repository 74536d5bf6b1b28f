// docs/reports.md runs as written: every `npx trecheck` line of its examples exits as its comment says (in a
// scratch folder with a copy of the shipped baseline and the hand-made texts), and its vitest block passes
// against the API.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';
import { packageRoot } from '../../src/package/packageRoot.ts';
import * as api from '../../src/vitest/index.ts';
import { fixturePath } from '../text/textFixtures.ts';

const doc = readFileSync(join(packageRoot(), 'docs', 'reports.md'), 'utf8');
const blocks = (lang: string): string[] => [...doc.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

/** `npx trecheck ARGS  # exit N: ...` lines, split into arguments (no quoting is used in the doc). */
const commands = blocks('sh')
  .flatMap((b) => b.split('\n'))
  .filter((l) => l.startsWith('npx trecheck '))
  .map((l) => {
    const exit = /#\s*exit (\d)/.exec(l);
    return { line: l, args: l.replace(/#.*$/, '').trim().split(/\s+/).slice(2), exit: exit === null ? undefined : Number(exit[1]) };
  });

describe('docs/reports.md examples', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'trecheck-reports-doc-'));
  const home = process.cwd();
  beforeAll(() => {
    mkdirSync(join(scratch, 'reports'));
    copyFileSync(join(packageRoot(), 'reports', 'baseline.json'), join(scratch, 'reports', 'baseline.json'));
    for (const f of readdirSync(fixturePath(''))) if (f.endsWith('.txt')) copyFileSync(fixturePath(f), join(scratch, f));
    process.chdir(scratch);
  });
  afterAll(() => process.chdir(home));

  it('has examples, each with its exit code', () => {
    expect(commands.length).toBeGreaterThanOrEqual(6);
    for (const c of commands) expect(c.exit, c.line).toBeDefined();
  });

  it('runs every example in order with the exit code it states', async () => {
    for (const c of commands) {
      const r = await runCliCaptured(c.args);
      expect({ line: c.line, code: r.code, stderr: r.stderr }).toEqual({ line: c.line, code: c.exit, stderr: r.code === 2 ? 'not a usage error' : r.stderr });
    }
  });

  it('runs the vitest block against the API', () => {
    const code = blocks('js')[0]!.split('\n').filter((l) => !l.startsWith('import ')).join('\n');
    const ran: string[] = [];
    const itShim = (name: string, fn: () => unknown): void => {
      fn();
      ran.push(name);
    };
    // The block's own `it`, with the API's functions as its imports name them.
    new Function('it', 'checkProperty', 'checkScenario', 'checkThreat', code)(itShim, api.checkProperty, api.checkScenario, api.checkThreat);
    expect(ran).toHaveLength(3);
  });
});
