// `trecheck compare`: Alternative 1a against Alternative 3a, claim by claim under the same attacker classes, with
// state-space sizes and times, and 3a's ablation matrix. Pipeline: run both suites -> ablate -> table -> files.
// Exit code: as `trecheck check` (its baseline accepts the known findings of both suites), 2 for bad input.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { compareBaseline } from '../../report/compareBaseline.ts';
import { reportExitCode } from '../../report/reportFindings.ts';
import { writeSarif } from '../../report/writeSarif.ts';
import type { CliContext } from '../CliContext.ts';
import { collectOption } from '../collectOption.ts';
import { buildComparison } from '../compare/buildComparison.ts';
import { comparisonHtml } from '../compare/compareHtml.ts';
import { reportOfRuns } from '../compare/compareReport.ts';
import { comparisonMarkdown } from '../compare/compareText.ts';
import type { ExitCode } from '../exitCodes.ts';
import { InputError } from '../InputError.ts';
import { defaultReportDir, readBaseline, resolveReportRequest } from '../reportOptions.ts';

export const compareFormats = ['md', 'html', 'json', 'sarif'] as const;
type CompareFormat = (typeof compareFormats)[number];

interface CompareFlags {
  format?: string[];
  out?: string;
  baseline?: string | false;
  ablation?: boolean;
  json?: boolean;
}

function formatsOf(values: readonly string[]): CompareFormat[] {
  return values.flatMap((v) => v.split(',')).map((f) => {
    const t = f.trim();
    if (!(compareFormats as readonly string[]).includes(t)) throw new InputError(`unknown format '${t}' for compare; expected one of: ${compareFormats.join(', ')}`);
    return t as CompareFormat;
  });
}

export function registerCompare(program: Command, ctx: CliContext): void {
  program
    .command('compare')
    .description(
      'Alternative 1a (MCIM download) against 3a (Ki transfer), claim by claim under the same attackers: holds / violated / needs ' +
        'counter-measure X / not applicable, state spaces and times, and 3a\'s ablation matrix (exit 0: only known findings)',
    )
    .option('--format <format>', `write compare.<format> into --out (repeatable: ${compareFormats.join(', ')})`, collectOption)
    .option('--out <dir>', 'output folder', defaultReportDir)
    .option('--baseline <file>', 'accepted findings (default: reports/baseline.json when present)')
    .option('--no-baseline', 'ignore any baseline')
    .option('--no-ablation', 'skip the ablations (no "needs X", no matrix): faster')
    .option('--json', 'print the comparison as JSON')
    .action((opts: CompareFlags) => ctx.exit(runCompare(opts, ctx)));
}

export function runCompare(opts: CompareFlags, ctx: CliContext): ExitCode {
  const formats = formatsOf(opts.format ?? []);
  const request = resolveReportRequest({ ...(opts.out === undefined ? {} : { out: opts.out }), ...(opts.baseline === undefined ? {} : { baseline: opts.baseline }) });
  const baseline = readBaseline(request);
  const comparison = buildComparison({ ablation: opts.ablation !== false });
  const report = reportOfRuns(comparison.runs.a1, comparison.runs.a3, { ablation: opts.ablation !== false });
  const judged = baseline === undefined ? undefined : compareBaseline(report, baseline);
  const code = (judged === undefined ? reportExitCode(report) : judged.exitCode) as ExitCode;
  if (opts.json === true) ctx.out(`${JSON.stringify({ ...comparison, exitCode: code }, null, 2)}\n`);
  else ctx.out(`${comparisonMarkdown(comparison)}\n`);
  const say = opts.json === true ? ctx.err : ctx.out;
  if (judged !== undefined) {
    say(`baseline: ${judged.known.length} known finding(s), ${judged.new.length} new, ${judged.changed.length} changed, ${judged.disappeared.length} gone\n`);
    for (const f of [...judged.new, ...judged.changed.map((c) => c.now)]) say(`baseline: NEW ${f.scenario}/${f.property} ${f.kind}\n`);
  }
  if (formats.length > 0) {
    mkdirSync(request.outDir, { recursive: true });
    const written = formats.map((f) => {
      const file = join(request.outDir, `compare.${f}`);
      const text =
        f === 'md' ? `${comparisonMarkdown(comparison)}\n`
        : f === 'html' ? comparisonHtml(comparison)
        : f === 'json' ? `${JSON.stringify({ ...comparison, exitCode: code }, null, 2)}\n`
        : writeSarif({ report, ...(judged === undefined ? {} : { comparison: judged }), traceDir: join(request.outDir, 'traces') });
      writeFileSync(file, text);
      return file;
    });
    say(`reports: ${written.join(', ')}\n`);
  }
  return code;
}
