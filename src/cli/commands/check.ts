// `trecheck check`: runs the honest scenarios of the built-in model (pure step function and live actors) and
// prints each outcome; until the search engine lands, also every honest interleaving of each scenario.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { Command } from 'commander';
import { presets, presetsNamed } from '../../../models/flows/presets.ts';
import { exploreHonest, type HonestExploration } from '../../../models/flows/exploreHonest.ts';
import type { FlowOutcome } from '../../../models/flows/flowOutcome.ts';
import { runHonest } from '../../../models/flows/runHonest.ts';
import { resolveScenario, type ScenarioConfig } from '../../../models/flows/ScenarioConfig.ts';
import { describeWorld } from '../../../models/world/World.ts';
import { runLive } from '../../../models/world/runLive.ts';
import type { CliContext } from '../CliContext.ts';
import { ExitCode } from '../exitCodes.ts';
import { InputError } from '../InputError.ts';

interface CheckOptions {
  readonly flow?: string;
  readonly config?: string;
  readonly json?: boolean;
}

export interface ScenarioCheck {
  readonly config: ScenarioConfig;
  readonly pure: FlowOutcome;
  readonly live: FlowOutcome;
  /** Pure and live runs end in equal role states (value and context of every role). */
  readonly agree: boolean;
  readonly interleavings: HonestExploration;
}

/** Stage 1: the scenarios to run, from the flags. Bad input becomes an InputError (one line, exit 2). */
export function loadScenarios(opts: CheckOptions): readonly ScenarioConfig[] {
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
    let text: string;
    try {
      text = readFileSync(opts.config, 'utf8');
    } catch (error) {
      throw new InputError(`cannot read config ${opts.config}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new InputError(`config ${opts.config} is not JSON: ${(error as Error).message}`);
    }
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

/** Stage 2: run each scenario both ways and explore its interleavings. */
export function checkScenario(config: ScenarioConfig): ScenarioCheck {
  const pure = runHonest(config);
  const live = runLive(config);
  const pureFinals: Record<string, unknown> = {};
  const roles = (describeWorld(pure.final) as { roles: Record<string, { state: unknown; context: unknown }> }).roles;
  for (const [id, r] of Object.entries(roles)) pureFinals[id] = { value: r.state, context: r.context };
  const agree = isDeepStrictEqual(JSON.parse(JSON.stringify(live.finals)), pureFinals) &&
    pure.outcome.goalReached === live.outcome.goalReached;
  return { config, pure: pure.outcome, live: live.outcome, agree, interleavings: exploreHonest(config) };
}

function passed(c: ScenarioCheck): boolean {
  return c.pure.goalReached && c.live.goalReached && c.agree;
}

/** Stage 3: the text report. */
export function formatChecks(checks: readonly ScenarioCheck[]): string {
  const lines: string[] = [`trecheck check: ${checks.length} honest scenario(s), by the pure step function and by live actors`, ''];
  for (const c of checks) {
    const o = c.pure;
    const length = o.quiescent ? `in ${o.steps} steps` : `when stopped at the ${o.steps}-step limit (local actions stay enabled)`;
    lines.push(`${o.scenario}: ${passed(c) ? 'goal reached' : 'GOAL NOT REACHED'} ${length} (live actors: ${c.live.steps} steps, ${c.agree ? 'same final states' : 'DIFFERENT final states'})`);
    lines.push(`  TRE registry: ${o.mcims.map((m) => `${m.id} ${m.state}`).join(', ') || '(empty)'}`);
    lines.push(`  ${o.sho.id}: ${o.sho.state}, report ${o.sho.report}${o.oldSho ? `; old SHO ${o.oldSho.id}: ${o.oldSho.state}` : ''}`);
    lines.push(`  at most ${o.maxActiveMcims} MCIM active at any step`);
    for (const u of new Set([...o.unmet, ...c.live.unmet])) lines.push(`  unmet: ${u}`);
    const x = c.interleavings;
    lines.push(
      `  all honest interleavings: ${x.states} states${x.truncated ? ' (truncated)' : ''}, ${x.endStates} end state(s), ` +
        `${x.endStatesMissingGoal} missing the goal, at most ${x.maxActiveMcims} MCIM active`,
    );
    if (x.firstMiss !== null) {
      lines.push(`  note: an interleaving of ${x.firstMiss.path.length} steps ends with: ${x.firstMiss.unmet.join('; ')}`);
      lines.push(`        its last steps: ${x.firstMiss.path.slice(-6).join(' -> ')} (full path with --json)`);
    }
    lines.push('');
  }
  const ok = checks.filter(passed).length;
  lines.push(`${ok} of ${checks.length} scenario(s) reach their goal.`);
  return `${lines.join('\n')}\n`;
}

export function registerCheck(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .description('run the honest flows of the built-in model and print their outcome (exit 0: every flow reaches its goal)')
    .option('--flow <name>', 'a flow id or scenario name (default: all built-in scenarios)')
    .option('--config <file>', 'a JSON scenario, or an array of them')
    .option('--json', 'print the results as JSON')
    .action((opts: CheckOptions) => {
      const scenarios = loadScenarios(opts);
      const checks = scenarios.map(checkScenario);
      ctx.out(opts.json === true ? `${JSON.stringify(checks, null, 2)}\n` : formatChecks(checks));
      ctx.exit(checks.every(passed) ? ExitCode.ok : ExitCode.violated);
    });
}
