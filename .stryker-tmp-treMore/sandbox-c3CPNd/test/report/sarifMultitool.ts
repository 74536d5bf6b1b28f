// Microsoft's SARIF validator (@microsoft/sarif-multitool, about 100 MB), installed by .ci/run into a cache rather
// than as a dev dependency, so that `npm ci` stays small for users. Its npm wrapper runs the binary through a shell
// that splits `Gh;Sarif` at the `;`: the platform binary is spawned directly. `validate` exits 0 even when it finds
// errors, so its output log is read.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** TRECHECK_SARIF_MULTITOOL names the binary; by default the cache .ci/run installs it into. */
export const multitoolSetting = 'TRECHECK_SARIF_MULTITOOL';
/** Set by .ci/run: the validator must run (a missing one fails instead of skipping). */
export const multitoolRequired = process.env.TRECHECK_REQUIRE_SARIF_MULTITOOL === '1';

function defaultBinary(): string {
  const cache = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  const exe = process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool';
  return join(cache, 'trecheck', 'sarif-multitool', 'node_modules', '@microsoft', `sarif-multitool-${process.platform}`, exe);
}

/** The binary when it exists and runs here, else why not. */
export function findMultitool(): { readonly ok: true; readonly binary: string } | { readonly ok: false; readonly why: string } {
  const binary = process.env[multitoolSetting] ?? defaultBinary();
  if (!existsSync(binary)) return { ok: false, why: `${binary} not found (set ${multitoolSetting}, or run .ci/run, which installs it)` };
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.status !== 0) return { ok: false, why: `${binary} does not run here (${probe.error?.message ?? `exit ${probe.status}`})` };
  return { ok: true, binary };
}

/** The errors `validate --rule-kind "Gh;Sarif"` reports on a SARIF file, one line each (empty: valid for GitHub). */
export function validateSarif(binary: string, file: string): string[] {
  const log = join(mkdtempSync(join(tmpdir(), 'trecheck-sarif-validate-')), 'validation.sarif');
  const run = spawnSync(binary, ['validate', '--rule-kind', 'Gh;Sarif', '--output', log, file], { encoding: 'utf8', timeout: 120_000 });
  if (!existsSync(log)) return [`the validator wrote no log (exit ${run.status}): ${run.stdout}${run.stderr}`];
  const parsed = JSON.parse(readFileSync(log, 'utf8')) as {
    runs: { results?: { level?: string; ruleId?: string; message: { text?: string; id?: string; arguments?: string[] } }[]; invocations?: { toolExecutionNotifications?: { level?: string; message: { text?: string } }[] }[] }[];
  };
  const r = parsed.runs[0];
  const errors = (r?.results ?? []).filter((x) => x.level === 'error').map((x) => `${x.ruleId ?? '?'}: ${x.message.text ?? `${x.message.id ?? ''} ${(x.message.arguments ?? []).join(' | ')}`}`);
  const failures = (r?.invocations ?? []).flatMap((i) => i.toolExecutionNotifications ?? []).filter((n) => n.level === 'error').map((n) => `validator: ${n.message.text ?? ''}`);
  return [...errors, ...failures];
}
