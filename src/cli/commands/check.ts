// `trecheck check`: for each scenario, the honest run (pure step function and live actors) and an exhaustive
// search of every honest interleaving by the engine, checking the model-level properties (properties/index.ts).
// Pipeline: load scenarios -> run and search each -> save counterexamples -> report.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Command } from 'commander';
import { presets, presetsNamed } from '../../../models/flows/presets.ts';
import type { FlowOutcome } from '../../../models/flows/flowOutcome.ts';
import { runHonest } from '../../../models/flows/runHonest.ts';
import { resolveScenario, type ScenarioConfig } from '../../../models/flows/ScenarioConfig.ts';
import { runLive } from '../../../models/world/runLive.ts';
import { worldSystem } from '../../../models/world/worldSystem.ts';
import { worldProperties, type WorldProperty } from '../../../properties/index.ts';
import { searchExhaustive } from '../../engine/exhaustive/searchExhaustive.ts';
import { replayTrace } from '../../engine/replay/replayTrace.ts';
import type { Trace } from '../../engine/Trace.ts';
import type { ExplorationStats, Verdict } from '../../engine/Verdict.ts';
import type { CliContext } from '../CliContext.ts';
import { ExitCode } from '../exitCodes.ts';
import { formatCount as count } from '../formatCount.ts';
import { formatVerdict } from '../formatVerdict.ts';
import { collectOption } from '../collectOption.ts';
import { InputError } from '../InputError.ts';
import { readJsonFile } from '../readJsonFile.ts';
import { verdictExitCode } from '../verdictExitCode.ts';

interface CheckOptions {
  readonly flow?: string;
  readonly config?: string;
  readonly json?: boolean;
  readonly out: string;
  /** Only these properties (ids from properties/index.ts); all when absent. */
  readonly property?: readonly string[];
}

/** Where counterexample traces go unless --out says otherwise. */
export const defaultTraceDir = join('reports', 'traces');

export interface PropertyCheck {
  readonly property: string;
  /** TR clauses and counter-measures the property checks. */
  readonly checks: readonly string[];
  readonly verdict: Verdict;
  /** Violations: the counterexample re-executed on a fresh system, and on live actors. */
  readonly recheck?: { readonly result: string; readonly explanation: string | undefined; readonly liveAgrees: boolean | undefined };
}

export interface ScenarioCheck {
  readonly config: ScenarioConfig;
  readonly pure: FlowOutcome;
  readonly live: FlowOutcome;
  /** Pure and live runs end in equal role states (value and context of every role). */
  readonly agree: boolean;
  /** The exhaustive search over every honest interleaving. */
  readonly search: ExplorationStats;
  readonly properties: readonly PropertyCheck[];
}

/** Stage 1: the scenarios to run, from the flags. Bad input becomes an InputError (one line, exit 2). */
function loadScenarios(opts: Pick<CheckOptions, 'flow' | 'config'>): readonly ScenarioConfig[] {
  if (opts.flow !== undefined && opts.config !== undefined) throw new InputError('use --flow or --config, not both');
  if (opts.flow !== undefined) {
    const found = presetsNamed(opts.flow);
    if (found.length === 0) {
      const names = [...new Set(presets.flatMap((p) => [p.flow, p.name]))].join(', ');
      throw new InputError(`unknown flow '${opts.flow}'; expected one of: ${names}`);
    }
    return found;
  }
  if (opts.config !== undefined) {
    const data = readJsonFile('config', opts.config);
    const items = Array.isArray(data) ? data : [data];
    if (items.length === 0) throw new InputError(`config ${opts.config}: no scenario (empty array)`);
    return items.map((item, i) => {
      const r = resolveScenario(item);
      if (!r.ok) throw new InputError(`config ${opts.config}${Array.isArray(data) ? ` [${i}]` : ''}: ${r.error.message}`);
      return r.config;
    });
  }
  return presets;
}

/** Stage 1b: the properties to check, from --property; an unknown id is bad input. */
function selectProperties(ids: readonly string[] | undefined): readonly WorldProperty[] {
  if (ids === undefined || ids.length === 0) return worldProperties;
  const known = worldProperties.map((p) => p.property.id as string);
  for (const id of ids) {
    if (!known.includes(id)) throw new InputError(`unknown property '${id}'; expected one of: ${known.join(', ')}`);
  }
  return worldProperties.filter((p) => ids.includes(p.property.id));
}

/** Stage 2: run the scenario both ways, then search every honest interleaving with the engine. */
function checkScenario(config: ScenarioConfig, selected: readonly WorldProperty[] = worldProperties): ScenarioCheck {
  const pure = runHonest(config);
  const live = runLive(config);
  const agree = isDeepStrictEqual(live.finals, pure.finals) && pure.outcome.goalReached === live.outcome.goalReached;
  const system = worldSystem(config);
  const properties = selected.map((p) => p.property);
  const outcome = searchExhaustive(system, properties);
  const checks = outcome.verdicts.map(({ property, verdict }): PropertyCheck => {
    const entry = selected.find((p) => p.property.id === property)!;
    if (verdict.kind !== 'violated') return { property, checks: entry.checks, verdict };
    // Re-check before reporting: the trace must reproduce on a fresh system, and live actors must agree.
    const replay = replayTrace(worldSystem(config), entry.property, verdict.trace);
    const r = replay.result;
    return {
      property,
      checks: entry.checks,
      verdict,
      recheck: {
        result: r.kind,
        explanation: r.kind === 'reproduced' || r.kind === 'violated-earlier' ? r.explanation : undefined,
        liveAgrees: replay.live === 'absent' ? undefined : replay.live.mismatch === undefined,
      },
    };
  });
  return { config, pure: pure.outcome, live: live.outcome, agree, search: outcome.stats, properties: checks };
}

/** Stage 3: saves each counterexample as a replayable trace; returns the file of each (scenario, property). */
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

function honestRunPassed(c: ScenarioCheck): boolean {
  return c.pure.goalReached && c.live.goalReached && c.agree;
}

/** 1 when an honest run misses its goal or a property is violated in any scenario; else 3 when a search
 *  was cut short; else 0. Verdicts are per scenario: a property holding in one says nothing of another. */
function checkExitCode(checks: readonly ScenarioCheck[]): ExitCode {
  if (!checks.every(honestRunPassed)) return ExitCode.violated;
  return verdictExitCode(checks.flatMap((c) => c.properties.map((p) => ({ property: `${c.config.name}/${p.property}`, verdict: p.verdict }))));
}

/** Stage 4: the text report. */
function formatChecks(checks: readonly ScenarioCheck[], files: ReadonlyMap<PropertyCheck, string>): string {
  const lines: string[] = [
    `trecheck check: ${checks.length} scenario(s): the honest run by the pure step function and by live actors, ` +
      'then every honest interleaving searched exhaustively',
    '',
  ];
  const violations: string[] = [];
  for (const c of checks) {
    const o = c.pure;
    const length = o.quiescent ? `in ${o.steps} steps` : `when stopped at the ${o.steps}-step limit (local actions stay enabled)`;
    lines.push(`${o.scenario}: ${honestRunPassed(c) ? 'goal reached' : 'GOAL NOT REACHED'} ${length} (live actors: ${c.live.steps} steps, ${c.agree ? 'same final states' : 'DIFFERENT final states'})`);
    lines.push(`  TRE registry: ${o.mcims.map((m) => `${m.id} ${m.state}`).join(', ') || '(empty)'}`);
    lines.push(`  ${o.sho.id}: ${o.sho.state}, report ${o.sho.report}${o.oldSho ? `; old SHO ${o.oldSho.id}: ${o.oldSho.state}` : ''}`);
    lines.push(`  at most ${o.maxActiveMcims} MCIM active at any step of the honest run`);
    for (const u of new Set([...o.unmet, ...c.live.unmet])) lines.push(`  unmet: ${u}`);
    const s = c.search;
    lines.push(`  exhaustive search: ${count(s.states)} states, ${count(s.transitions)} transitions, depth ${s.depth}`);
    for (const p of c.properties) {
      lines.push(`  ${p.property}: ${formatVerdict(p.verdict)}`);
      if (p.verdict.kind !== 'violated') continue;
      violations.push(`${o.scenario} ${p.property}`);
      const actions = p.verdict.trace.actions;
      const recheck = p.recheck!;
      if (recheck.explanation !== undefined) lines.push(`    ${recheck.explanation}`);
      lines.push(`    last steps: ${actions.slice(-6).join(' -> ')}${actions.length > 6 ? ` (all ${actions.length} in the trace)` : ''}`);
      if (recheck.result !== 'reproduced') lines.push(`    WARNING: the trace does not replay (${recheck.result})`);
      if (recheck.liveAgrees !== undefined) lines.push(`    live actors: ${recheck.liveAgrees ? 'agree on every state of the trace' : 'DISAGREE with the pure step function'}`);
      const file = files.get(p);
      if (file !== undefined) lines.push(`    saved: ${file}`, `    replay: trecheck replay ${file}`);
    }
    lines.push('');
  }
  const ok = checks.filter(honestRunPassed).length;
  lines.push(`${ok} of ${checks.length} honest run(s) reach their goal.`);
  const verdicts = checks.reduce((n, c) => n + c.properties.length, 0);
  lines.push(
    violations.length === 0
      ? `All ${verdicts} property verdicts hold.`
      : `${violations.length} of ${verdicts} property verdicts VIOLATED: ${violations.join(', ')}.`,
  );
  return `${lines.join('\n')}\n`;
}

/** The --json shape: each scenario with its verdicts; counterexamples by file and replay command. */
function jsonOf(checks: readonly ScenarioCheck[], files: ReadonlyMap<PropertyCheck, string>, exitCode: ExitCode): unknown {
  return {
    scenarios: checks.map((c) => ({
      config: c.config,
      pure: c.pure,
      live: c.live,
      agree: c.agree,
      search: { states: c.search.states, transitions: c.search.transitions, depth: c.search.depth },
      properties: c.properties.map((p) => {
        const file = files.get(p);
        return {
          property: p.property,
          checks: p.checks,
          verdict: p.verdict.kind,
          text: formatVerdict(p.verdict),
          ...(p.verdict.kind === 'violated' ? { steps: p.verdict.trace.actions.length, recheck: p.recheck } : {}),
          ...(file === undefined ? {} : { trace: file, replay: `trecheck replay ${file}` }),
        };
      }),
    })),
    exitCode,
  };
}

export function registerCheck(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .description(
      'run the built-in scenarios honestly and search every honest interleaving for property violations ' +
        '(exit 0: every run reaches its goal and every property holds; 1: a goal missed or a property violated)',
    )
    .option('--flow <name>', 'a flow id or scenario name (default: all built-in scenarios)')
    .option('--config <file>', 'a JSON scenario, or an array of them')
    .option('--out <dir>', 'where counterexample traces are saved', defaultTraceDir)
    .option('--property <id>', 'check only this property (repeatable; default: all)', collectOption)
    .option('--json', 'print the results as JSON')
    .action((opts: CheckOptions) => ctx.exit(runCheck(opts, ctx)));
}

/** The whole pipeline; also what `trecheck diff --check` runs for the properties a text change affects. */
export function runCheck(opts: CheckOptions, ctx: CliContext): ExitCode {
  const scenarios = loadScenarios(opts);
  const selected = selectProperties(opts.property);
  const checks = scenarios.map((config) => checkScenario(config, selected));
  const files = saveTraces(checks, opts.out);
  const code = checkExitCode(checks);
  ctx.out(opts.json === true ? `${JSON.stringify(jsonOf(checks, files, code), null, 2)}\n` : formatChecks(checks, files));
  return code;
}
