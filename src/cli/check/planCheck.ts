// Stage 1 of `trecheck check`: flags -> the jobs to run and the search to run them with. Bad input is an
// InputError (one line, exit 2) naming the flag or the field.
import { presets } from '../../../models/flows/presets.ts';
import { resolveScenario, underAttack, type ScenarioConfig } from '../../../models/flows/ScenarioConfig.ts';
import { flowProperties, judgedIn, propertiesFor, worldProperties, type WorldProperty } from '../../../properties/index.ts';
import { threatSuite } from '../../../properties/threats/threatSuite.ts';
import { randomDefaults } from '../../engine/random/RandomOptions.ts';
import { InputError } from '../InputError.ts';
import { parseMaxMemory } from '../maxMemoryOption.ts';
import { parseCount, parseSeconds } from '../parseCount.ts';
import { readJsonFile } from '../readJsonFile.ts';
import type { CheckJob, CheckPlan, SearchChoice } from './CheckPlan.ts';
import { flowFindings } from './flowFindings.ts';

export interface CheckFlags {
  flow?: string[];
  threat?: string[];
  config?: string;
  property?: string[];
  off?: string[];
  depth?: string;
  maxStates?: string;
  maxMemory?: string;
  time?: string;
  random?: boolean;
  runs?: string;
  steps?: string;
  seed?: string;
  /** Commander's `--no-reduction`: false when given. */
  reduction?: boolean;
  /** Threads searching scenarios side by side (checkThreads.ts decides by default). */
  workers?: string;
}

/** A resolved scenario again, with more counter-measures off; an unknown id is bad input. */
function withOff(config: ScenarioConfig, off: readonly string[]): ScenarioConfig {
  if (off.length === 0) return config;
  const r = resolveScenario({ ...config, off: [...config.off, ...off] });
  if (!r.ok) throw new InputError(r.error.message.replace(/^scenario\.off\.\d+/, '--off'));
  return r.config;
}

function flowJobs(names: readonly string[] | undefined): CheckJob[] {
  const chosen = names === undefined ? presets : names.flatMap((n) => {
    const found = presets.filter((p) => p.name === n || p.flow === n);
    if (found.length === 0) throw new InputError(`unknown flow '${n}'; expected one of: ${[...new Set(presets.flatMap((p) => [p.flow, p.name]))].join(', ')}`);
    return found;
  });
  return chosen.map((config) => ({ config, properties: flowProperties, honest: true, sanity: false, known: knownOf(config.name, flowFindings) }));
}

function knownOf(scenario: string, findings: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, reason] of Object.entries(findings)) if (key.startsWith(`${scenario}/`)) out[key.slice(scenario.length + 1)] = reason;
  return out;
}

function threatJobs(ids: readonly string[] | undefined): CheckJob[] {
  const wanted = ids?.map((id) => {
    const n = Number(/^t?(\d+)$/.exec(id.trim())?.[1]);
    if (!threatSuite.some((t) => t.threat === n)) throw new InputError(`unknown threat '${id}'; expected t1 to t12`);
    return n;
  });
  return threatSuite
    .filter((t) => wanted === undefined || wanted.includes(t.threat))
    .flatMap((t) => t.scenarios.map((input): CheckJob => {
      const r = resolveScenario(input);
      // Threat scenarios are constants checked by the test suite; a failure here is a programming error.
      if (!r.ok) throw new Error(`threat ${t.threat} scenario ${input.name}: ${r.error.message}`);
      return { config: r.config, threat: t.threat, properties: judgedIn(r.config, t.properties), honest: false, sanity: true, known: knownOf(r.config.name, t.knownFindings ?? {}) };
    }));
}

function configJobs(file: string): CheckJob[] {
  const data = readJsonFile('config', file);
  const items = Array.isArray(data) ? data : [data];
  if (items.length === 0) throw new InputError(`config ${file}: no scenario (empty array)`);
  return items.map((item, i) => {
    const r = resolveScenario(item);
    if (!r.ok) throw new InputError(`config ${file}${Array.isArray(data) ? ` [${i}]` : ''}: ${r.error.message}`);
    const honest = !underAttack(r.config);
    return { config: r.config, properties: propertiesFor(r.config), honest, sanity: !honest, known: {} };
  });
}

function selectProperties(jobs: CheckJob[], ids: readonly string[] | undefined): CheckJob[] {
  if (ids === undefined || ids.length === 0) return jobs;
  const known = worldProperties.map((p) => p.property.id as string);
  for (const id of ids) if (!known.includes(id)) throw new InputError(`unknown property '${id}'; expected one of: ${known.join(', ')}`);
  const keep = (ps: readonly WorldProperty[]) => ps.filter((p) => ids.includes(p.property.id));
  const kept = jobs.map((j) => ({ ...j, properties: keep(j.properties) })).filter((j) => j.properties.length > 0);
  if (kept.length === 0) throw new InputError(`no chosen scenario checks ${ids.join(', ')}; trecheck list threats shows which scenarios check what`);
  return kept;
}

function searchChoice(flags: CheckFlags): SearchChoice {
  const timeLimitMs = parseSeconds('--time', flags.time);
  if (flags.random === true) {
    if (flags.depth !== undefined || flags.maxStates !== undefined || flags.maxMemory !== undefined) throw new InputError('--depth, --max-states and --max-memory bound the exhaustive search: drop them or --random');
    if (flags.reduction === false) throw new InputError('--no-reduction sets the exhaustive search: drop it or --random');
    return {
      mode: 'random',
      runs: parseCount('--runs', flags.runs, 1) ?? randomDefaults.runs,
      maxSteps: parseCount('--steps', flags.steps, 1) ?? randomDefaults.maxSteps,
      seed: parseCount('--seed', flags.seed, 0, 0xffffffff) ?? randomDefaults.seed,
      ...(timeLimitMs === undefined ? {} : { timeLimitMs }),
    };
  }
  if (flags.runs !== undefined || flags.steps !== undefined || flags.seed !== undefined) throw new InputError('--runs, --steps and --seed set the random search: add --random');
  const maxDepth = parseCount('--depth', flags.depth, 0);
  const maxStates = parseCount('--max-states', flags.maxStates, 1);
  const memoryBudgetBytes = parseMaxMemory(flags.maxMemory);
  return {
    mode: 'exhaustive',
    ...(maxDepth === undefined ? {} : { maxDepth }),
    ...(maxStates === undefined ? {} : { maxStates }),
    ...(memoryBudgetBytes === undefined ? {} : { memoryBudgetBytes }),
    ...(timeLimitMs === undefined ? {} : { timeLimitMs }),
    ...(flags.reduction === false ? { reduction: false } : {}),
  };
}

/** The built-in flows and every threat by default; --flow / --threat choose among them, --config replaces them. */
export function planCheck(flags: CheckFlags): CheckPlan {
  const search = searchChoice(flags);
  if (flags.config !== undefined && (flags.flow !== undefined || flags.threat !== undefined)) throw new InputError('use --config, or --flow/--threat, not both');
  let jobs: CheckJob[];
  if (flags.config !== undefined) jobs = configJobs(flags.config);
  else if (flags.flow === undefined && flags.threat === undefined) jobs = [...flowJobs(undefined), ...threatJobs(undefined)];
  else jobs = [...(flags.flow === undefined ? [] : flowJobs(flags.flow)), ...(flags.threat === undefined ? [] : threatJobs(flags.threat))];
  const off = flags.off ?? [];
  jobs = jobs.map((j) => ({ ...j, config: withOff(j.config, off) }));
  return { jobs: selectProperties(jobs, flags.property), search, workers: parseCount('--workers', flags.workers, 1, 64) };
}
