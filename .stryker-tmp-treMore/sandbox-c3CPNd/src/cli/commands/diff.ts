// `trecheck diff OLD NEW`: aligns the requirement sentences of two versions of the TRE function text and reports
// what changed, which counter-measures gained or lost text support, and which properties are affected; `--check`
// re-runs exactly those. Exit 1 when a counter-measure lost all text support, 2 on unreadable input.
import type { Command } from 'commander';
import { catalogueView } from '../../../properties/catalogue/counterMeasureCatalogue.ts';
import { propertyCoverage } from '../../../properties/index.ts';
import { buildDiffReport, type DiffReport } from '../../text/buildDiffReport.ts';
import { extractRequirements, type RequirementText } from '../../text/extractRequirements.ts';
import { countDefects } from '../../text/Finding.ts';
import { diffReportJson, formatAffected, formatDiffReport } from '../../text/formatDiffReport.ts';
import type { PropertyCoverage } from '../../text/PropertyCoverage.ts';
import type { CliContext } from '../CliContext.ts';
import { ExitCode } from '../exitCodes.ts';
import { InputError } from '../InputError.ts';
import { runCheckReport } from './check.ts';
import { loadText } from '../loadText.ts';
import { maxBytesFlags, maxBytesHelp, parseMaxBytes } from '../maxBytesOption.ts';
import { collectProvenance } from '../../report/collectProvenance.ts';
import { compareBaseline } from '../../report/compareBaseline.ts';
import { recheckOf, reportFromDiff } from '../../report/fromDiff.ts';
import type { Recheck, Report } from '../../report/Report.ts';
import { addReportOptions, emitReport, readBaseline, resolveReportRequest, type ReportFlags, type ReportRequest } from '../reportOptions.ts';

/** What a re-run gives: its exit code (0 all hold, 1 one is violated, ...) and its report, whose verdicts go into the
 *  diff's report. */
export interface PropertyRerun {
  readonly code: ExitCode;
  readonly report?: Report;
}

/** Re-runs the named properties, saving traces under `outDir`/traces. */
export type PropertyRerunner = (propertyIds: readonly string[], ctx: CliContext, outDir: string) => Promise<PropertyRerun>;

export interface DiffCommandDeps {
  readonly propertyCoverage: readonly PropertyCoverage[];
  readonly rerun: PropertyRerunner;
}

/** The command with its dependencies given, so tests can pass their own coverage and runner. */
export function registerDiffWith(deps: DiffCommandDeps): (program: Command, ctx: CliContext) => void {
  return (program, ctx) => {
    const command = program
      .command('diff')
      .description('compare two versions of the TRE function text: changed requirements, counter-measures that gained or lost text support, affected properties')
      .argument('<old>', 'older version of the text')
      .argument('<new>', 'newer version of the text')
      .option('--all', 'compare the whole texts, not only the TRE function clauses')
      .option('--check', 're-run the properties that check the counter-measures of changed requirements')
      .option('--json', 'print the report as JSON')
      .option(maxBytesFlags, maxBytesHelp);
    addReportOptions(command).action(async (oldFile: string, newFile: string, options: ReportFlags & { all?: boolean; check?: boolean; json?: boolean; maxBytes?: string }) => {
        const request = resolveReportRequest(options);
        const maxBytes = parseMaxBytes(options.maxBytes);
        const report = buildDiffReport(requirements(oldFile, options.all === true, maxBytes), requirements(newFile, options.all === true, maxBytes), deps.propertyCoverage, { voids: voidCounterMeasures });
        const json = options.json === true;
        ctx.out(json ? `${JSON.stringify(diffReportJson(report), null, 2)}\n` : formatDiffReport(report));
        const rerun = options.check === true ? await check(report, deps, ctx, json, request) : undefined;
        const model = reportFromDiff({
          diff: report,
          title: `diff ${oldFile} ${newFile}${options.check === true ? ' --check' : ''}`,
          provenance: collectProvenance({ old: oldFile, new: newFile, all: options.all === true, check: options.check === true, formats: request.formats }),
          ...(rerun?.recheck === undefined ? {} : { recheck: rerun.recheck }),
        });
        const defects = countDefects(report.findings) > 0 ? ExitCode.violated : ExitCode.ok;
        const code = emitReport(ctx, model, request, { exitCode: defects, json });
        // The diff's own verdict stands unless the re-run finds something worse.
        ctx.exit(rerun === undefined || rerun.code === ExitCode.ok ? code : rerun.code);
      });
  };
}

/** `--check` re-runs the affected properties on every built-in scenario, as `trecheck check --property ...` would. */
export const rerunWithCheck: PropertyRerunner = async (ids, ctx, outDir) => runCheckReport({ property: [...ids], format: [], out: outDir }, ctx);

/** The void slots of Alternative 1 in trecheck's catalogue (t10 cm8): they never gain or lose support. */
const voidCounterMeasures: ReadonlySet<string> = new Set(catalogueView.threats.filter((t) => t.alternative === '1').flatMap((t) => t.voidNumbers.map((n) => `t${t.threat}.cm${n}`)));

export const registerDiff = registerDiffWith({ propertyCoverage, rerun: rerunWithCheck });

function requirements(file: string, whole: boolean, maxBytes: number | undefined): RequirementText {
  const text = extractRequirements(loadText(file, maxBytes), whole);
  if (!whole && text.wholeText) {
    throw new InputError(`${file}: no TRE function text found (no clause titled "Trusted Environment" or "... Functions of a TRE"); use --all to compare whole texts`);
  }
  if (text.requirements.length === 0) throw new InputError(`${file}: no requirement sentences found`);
  return text;
}

/** `--check`: re-runs the affected properties (traces under --out) and compares their verdicts with the baseline's. */
async function check(report: DiffReport, deps: DiffCommandDeps, ctx: CliContext, json: boolean, request: ReportRequest): Promise<{ code: ExitCode; recheck?: Recheck }> {
  const say = json ? ctx.err : ctx.out;
  const ids = report.affectedProperties.map((p) => p.id);
  if (ids.length === 0) {
    say(`check: nothing to re-run; ${formatAffected(report)}\n`);
    return { code: ExitCode.ok, recheck: { properties: [], verdicts: [], summary: `no verdict changed: nothing to re-run (${formatAffected(report)})` } };
  }
  say(`check: re-running ${ids.join(', ')}\n`);
  const rerun = await deps.rerun(ids, ctx, request.outDir);
  if (rerun.report === undefined) return { code: rerun.code };
  const baseline = readBaseline(request);
  const applies = baseline !== undefined && (baseline.commands?.includes('check') === true || baseline.findings.some((f) => f.command === 'check'));
  const recheck = recheckOf(report, rerun.report, applies ? compareBaseline(rerun.report, baseline) : undefined);
  say(`check: ${recheck.summary}\n`);
  return { code: rerun.code, recheck };
}
