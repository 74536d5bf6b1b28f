// `trecheck check`: the built-in flows (honest run, pure and live, then every honest interleaving searched) and the
// threat suite (each threat's scenarios with the attacker it describes, every counter-measure on, each property's
// verdict with its bound, and the sanity check that a goal state stays reachable).
// Pipeline: plan (flags -> jobs) -> run each job -> save counterexamples -> print -> report files and baseline.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Trace } from '../../engine/Trace.ts';
import { collectProvenance } from '../../report/collectProvenance.ts';
import { reportFromCheck } from '../../report/fromCheck.ts';
import { modelDiagrams } from '../../report/modelDiagrams.ts';
import { reportFormats } from '../../report/ReportFormat.ts';
import type { Report } from '../../report/Report.ts';
import type { CheckPlan } from '../check/CheckPlan.ts';
import { startCheckProgress } from '../check/checkProgress.ts';
import { checkThreadsHere } from '../check/checkThreads.ts';
import { alt3aExitCode, checkAlt3a, formatAlt3a, worseExit } from '../check/checkAlt3a.ts';
import { reportOfRuns } from '../compare/compareReport.ts';
import { formatChecks } from '../check/formatCheck.ts';
import { planCheck, type CheckFlags } from '../check/planCheck.ts';
import { runCheckJob } from '../check/runCheckJob.ts';
import { checkFindingOptions } from '../check/checkFindingOptions.ts';
import { propertySource, scenarioSource, stepSource } from '../check/modelSources.ts';
import { honestRunPassed, type PropertyCheck, type ScenarioCheck } from '../check/ScenarioCheck.ts';
import type { CliContext } from '../CliContext.ts';
import { collectOption } from '../collectOption.ts';
import { maxMemoryFlags, maxMemoryHelp } from '../maxMemoryOption.ts';
import { ExitCode } from '../exitCodes.ts';
import { verdictInScope } from '../../report/describeScope.ts';
import { formatVerdict } from '../../report/formatVerdict.ts';
import { addReportOptions, defaultReportDir, emitReport, readBaseline, resolveReportRequest, type ReportFlags } from '../reportOptions.ts';
import { compareBaseline } from '../../report/compareBaseline.ts';
import { reportExitCode } from '../../report/reportFindings.ts';
import { verdictExitCode } from '../verdictExitCode.ts';
import { runJobsOnThreads } from '../threads/runJobsOnThreads.ts';
import { withSharedSteps } from '../../xstate/MemoMachine.ts';

export interface CheckOptions extends CheckFlags, ReportFlags {
  json?: boolean;
  /** Stop after the first scenario whose result the baseline does not expect (mutation testing's fast path). */
  bail?: boolean;
}

/** Where counterexample traces go: the traces/ folder of the report folder. */
export const defaultTraceDir = join(defaultReportDir, 'traces');

/** Saves each counterexample as a replayable trace; returns the file of each (scenario, property). */
function saveTraces(checks: readonly ScenarioCheck[], outDir: string): Map<PropertyCheck, string> {
  const files = new Map<PropertyCheck, string>();
  for (const c of checks) {
    for (const p of c.properties) {
      if (p.verdict.kind !== 'violated') continue;
      mkdirSync(outDir, { recursive: true });
      const trace: Trace = p.verdict.trace;
      const file = join(outDir, `${trace.system}.${c.config.name.replace(/[^A-Za-z0-9._-]/g, '_')}.${p.property}.${trace.method}.json`);
      writeFileSync(file, `${JSON.stringify(trace, null, 2)}\n`);
      files.set(p, file);
    }
  }
  return files;
}

/** 1 when an honest run misses its goal, a scenario has no reachable goal (vacuous) or a property is violated;
 *  else 3 when a search was cut short; else 4 for a random search that found nothing; else 0. */
function checkExitCode(checks: readonly ScenarioCheck[]): ExitCode {
  if (!checks.every(honestRunPassed) || checks.some((c) => c.sanity?.kind === 'unreachable')) return ExitCode.violated;
  return verdictExitCode(checks.flatMap((c) => c.properties.map((p) => ({ property: `${c.config.name}/${p.property}`, verdict: p.verdict }))));
}

function jsonOf(checks: readonly ScenarioCheck[], files: ReadonlyMap<PropertyCheck, string>, exitCode: ExitCode): unknown {
  return {
    scenarios: checks.map((c) => ({
      config: c.config,
      scope: c.scope,
      ...(c.threat === undefined ? {} : { threat: `t${c.threat}` }),
      ...(c.honest === undefined ? {} : { pure: c.honest.pure, live: c.honest.live, agree: c.honest.agree }),
      search: {
        method: c.method,
        states: c.search.states,
        transitions: c.search.transitions,
        depth: c.search.depth,
        ...(c.search.reduction === undefined ? {} : { reduction: c.search.reduction }),
      },
      ...(c.sanity === undefined ? {} : { sanity: c.sanity }),
      properties: c.properties.map((p) => {
        const file = files.get(p);
        return {
          property: p.property,
          checks: p.checks,
          verdict: p.verdict.kind,
          text: verdictInScope(formatVerdict(p.verdict), c.scope),
          ...(p.known === undefined ? {} : { knownFinding: p.known }),
          ...(p.verdict.kind === 'violated' ? { steps: p.verdict.trace.actions.length, actions: p.verdict.trace.actions, recheck: p.recheck } : {}),
          ...(file === undefined ? {} : { trace: file, replay: `trecheck replay ${file}` }),
        };
      }),
    })),
    exitCode,
  };
}

/** Runs the jobs, on this thread and on `threads - 1` helpers (each scenario whole on one thread; results in job
 *  order), with a progress line on a terminal (scenarios done / total, and this thread's search under way); stops
 *  after the first job, in job order, for which `stop` says so (--bail). */
async function runJobs(plan: CheckPlan, opts: CheckOptions, threads: number, ctx: CliContext, stop: ((c: ScenarioCheck) => boolean) | undefined): Promise<ScenarioCheck[]> {
  const progress = startCheckProgress(ctx, plan.jobs.length);
  // --bail (stop given): no re-check of counterexamples, which never changes a verdict; only the first failure matters.
  const recheck = stop === undefined;
  // The run's scenarios share their roles' XState steps (MemoMachine, withSharedSteps).
  const checks = await withSharedSteps(() => runJobsOnThreads({
    count: plan.jobs.length,
    threads,
    here: true,
    worker: new URL('../check/checkWorker.ts', import.meta.url),
    // A helper rebuilds the plan from the same flags (plain data; it reads only the plan's, the report's stay here).
    // Without --workers, a long scenario left alone may go on on the core the others left.
    data: { flags: opts, recheck, twoThreads: plan.workers === undefined },
    run: (i) => {
      const onProgress = progress.searching(plan.jobs[i]!.config.name);
      try {
        return runCheckJob(plan.jobs[i]!, plan.search, { recheck, twoThreads: plan.workers === undefined, onProgress });
      } finally {
        progress.searched();
      }
    },
    onResult: (_, __, done) => progress.scenariosDone(done),
    ...(stop === undefined ? {} : { stopAfter: (_: number, c: ScenarioCheck) => stop(c) }),
  }));
  progress.done();
  return checks;
}

export function registerCheck(program: Command, ctx: CliContext): void {
  const command = program
    .command('check')
    .description(
      'run the built-in flows and the threat suite (or a scenario file): every verdict with its bound, every attack with its ' +
        'replayable trace (exit 0: all hold or only known findings; 1: a new violation; 3: inconclusive; 4: random search found nothing)',
    )
    .option('--flow <name>', 'only this built-in flow or scenario (repeatable)', collectOption)
    .option('--threat <id>', 'only this threat\'s scenarios, t1 to t12 (repeatable)', collectOption)
    .option('--config <file>', 'a JSON scenario, or an array of them (docs/scenario.schema.json), instead of the built-in ones')
    .option('--property <id>', 'check only this property (repeatable; default: all)', collectOption)
    .option('--off <id>', 'switch this counter-measure off in every scenario run (repeatable; ids: trecheck list)', collectOption)
    .option('--depth <n>', 'exhaustive search: explore traces up to n steps only')
    .option('--max-states <n>', 'exhaustive search: stop (inconclusive) past n states')
    .option(maxMemoryFlags, maxMemoryHelp)
    .option('--time <seconds>', 'stop each search (inconclusive) after this many seconds')
    .option('--no-reduction', 'exhaustive search: take every enabled step (default: partial-order reduction where the model offers it; ample sets not under --depth)')
    .option('--random', 'random search (fast-check) instead of the exhaustive one, for scopes too large')
    .option('--runs <n>', 'random search: runs (default 1000)')
    .option('--steps <n>', 'random search: longest run (default 50)')
    .option('--seed <n>', 'random search: seed (default 42)')
    .option('--workers <n>', 'threads searching scenarios side by side, each scenario on one (default: one, or one per core the load leaves free when running from the bundle with 16 or more scenarios, and a search that runs long on a core left idle goes on on two; docs/engine.md)')
    .option('--json', 'print the results as JSON')
    .option('--bail', 'stop at the first scenario whose result the baseline does not expect (exit 1; Alternative 3a then not run); counterexamples are not re-executed');
  addReportOptions(command, { formats: reportFormats }).action(async (opts: CheckOptions) => ctx.exit(await runCheck(opts, ctx)));
}

/** The whole pipeline; also what `trecheck diff --check` runs for the properties a text change affects. */
export async function runCheck(opts: CheckOptions, ctx: CliContext): Promise<ExitCode> {
  return (await runCheckReport(opts, ctx)).code;
}

/** runCheck, with the report it made (diff --check reports the re-run's verdicts). */
export async function runCheckReport(opts: CheckOptions, ctx: CliContext): Promise<{ readonly code: ExitCode; readonly report: Report }> {
  const plan = planCheck(opts);
  const request = resolveReportRequest(opts, { formats: reportFormats });
  const provenance = collectProvenance({
    flow: opts.flow ?? null, threat: opts.threat ?? null, config: opts.config ?? null, property: opts.property ?? null, off: opts.off ?? null,
    search: plan.search,
  });
  const reportOf = (checks: readonly ScenarioCheck[], diagrams: boolean) => reportFromCheck({
    checks,
    provenance,
    ...(diagrams ? { diagrams: modelDiagrams() } : {}),
    findingOptions: checkFindingOptions(opts, plan, checks),
    sources: { property: propertySource, scenario: scenarioSource, step: stepSource },
  });
  const baseline = opts.bail === true ? readBaseline(request) : undefined;
  // --bail: a scenario is unexpected when its report alone, compared with the baseline as the whole run's would be,
  // does not exit 0 (a new or changed finding, a baselined one that disappeared, an inconclusive search).
  const unexpected = (c: ScenarioCheck): boolean => {
    const one = reportOf([c], false);
    return (baseline === undefined ? reportExitCode(one) : compareBaseline(one, baseline).exitCode) !== ExitCode.ok;
  };
  const threads = checkThreadsHere(plan.workers, plan.jobs.length, opts.bail === true);
  const checks = await runJobs(plan, opts, threads, ctx, opts.bail === true ? unexpected : undefined);
  const bailed = checks.length < plan.jobs.length;
  const files = saveTraces(checks, join(request.outDir, 'traces'));
  // Alternative 3a's suite runs with the default selection only: the flags above name 1a's flows, threats and switches.
  const whole = [opts.flow, opts.threat, opts.config, opts.property, opts.off].every((x) => x === undefined);
  const alt3a = whole && !bailed ? checkAlt3a(join(request.outDir, 'traces')) : undefined;
  if (bailed) ctx.err(`check: --bail: stopped after ${checks[checks.length - 1]!.config.name}, the first unexpected result (${checks.length} of ${plan.jobs.length} scenarios run)\n`);
  const code = alt3a === undefined ? checkExitCode(checks) : worseExit(checkExitCode(checks), alt3aExitCode(alt3a));
  const json = opts.json === true;
  if (!json) ctx.out(formatChecks(checks, files) + (alt3a === undefined ? '' : `\n${formatAlt3a(alt3a)}`));
  const report1a = reportOf(checks, true);
  const report = alt3a === undefined ? report1a : { ...report1a, scenarios: [...report1a.scenarios, ...reportOfRuns([], alt3a.results, {}).scenarios] };
  // The baseline decides the exit code; with --json it goes after the comparison, so the JSON says the same.
  const final = emitReport(ctx, report, request, { exitCode: code, json });
  const alt3aJson = alt3a?.results.map((c) => ({
    scenario: c.config.name,
    search: { states: c.search.states, transitions: c.search.transitions, depth: c.search.depth },
    properties: c.properties.map((p) => ({ property: p.property, verdict: p.verdict.kind, text: formatVerdict(p.verdict), ...(p.known === undefined ? {} : { knownFinding: p.known }) })),
  }));
  if (json) ctx.out(`${JSON.stringify({ ...(jsonOf(checks, files, final) as object), ...(alt3aJson === undefined ? {} : { alternative3a: alt3aJson }) }, null, 2)}\n`);
  return { code: final, report };
}
