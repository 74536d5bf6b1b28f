// Stage 4 of `trecheck check`: the human-readable report. Every verdict carries its bound; an attack shows its
// steps (the attacker's marked), the replay command, and whether live actors agree; known findings say why.
import { threatRecords } from '../../../properties/catalogue/counterMeasureCatalogue.ts';
import { formatCount as count } from '../../report/formatCount.ts';
import { formatReduction } from '../formatReduction.ts';
import { formatThreads } from '../formatThreads.ts';
import type { ScenarioScope } from '../../../models/attacker/scenarioScope.ts';
import { verdictInScope } from '../../report/describeScope.ts';
import { formatVerdict } from '../../report/formatVerdict.ts';
import { honestRunPassed, type PropertyCheck, type SanityCheck, type ScenarioCheck } from './ScenarioCheck.ts';

/** Traces up to this many steps are printed whole; longer ones show their last steps. */
const WHOLE_TRACE = 40;

export function threatHeading(threat: number): string {
  const t = threatRecords.find((r) => r.alternative === '1' && r.threat === threat);
  if (t === undefined) return `t${threat}`;
  return `t${threat} ${t.title}: risk ${t.category} (likelihood ${t.likelihood.join(' or ')} x impact ${t.impact.join(' or ')} = ${t.risk.join(' or ')})`;
}

function sanityLine(s: SanityCheck): string {
  switch (s.kind) {
    case 'reachable':
      return `sanity: a run reaching the honest goal exists despite the attacker (${s.steps} steps): the verdicts are not vacuous`;
    case 'unreachable':
      return 'SANITY FAILED: no reachable state reaches the honest goal: every claim holds vacuously in this scenario';
    case 'not-found':
      return `sanity: no run reaching the goal found in ${count(s.runs)} random runs: the verdicts may be vacuous`;
    case 'inconclusive':
      return 'sanity: inconclusive (a limit stopped the search before a goal state was found)';
  }
}

function scenarioLine(c: ScenarioCheck): string {
  const a = c.config.attacker;
  const who = a.capabilities.length === 0 && a.dishonest === null ? 'no attacker' : `attacker: ${[...a.capabilities, ...(a.dishonest === null ? [] : [`dishonest ${a.dishonest}`])].join(', ')}${a.injections > 0 ? `; at most ${a.injections} injection(s)` : ''}`;
  const faults = [c.config.faults.tamper ? 'tamper' : '', c.config.faults.corruptMcim ? 'MCIM corruption' : '', c.config.faults.eraseMcim ? 'MCIM erasure' : ''].filter((f) => f !== '');
  const extra = [...(faults.length === 0 ? [] : [`faults: ${faults.join(', ')}`]), ...(c.config.shoCommands.length === 0 ? [] : [`SHO commands: ${c.config.shoCommands.join(', ')}`]),
    ...(c.config.stalling.length === 0 ? [] : [`may stall: ${c.config.stalling.join(', ')}`])];
  const off = c.config.off.length === 0 ? 'every counter-measure on' : `switched OFF: ${c.config.off.join(', ')}`;
  return `${c.config.name}: flow ${c.config.flow}; ${who}; ${[...extra, off].join('; ')}`;
}

function propertyLines(p: PropertyCheck, file: string | undefined, scope: ScenarioScope): string[] {
  const lines = [`${p.property} [${p.checks.join(', ')}]: ${verdictInScope(formatVerdict(p.verdict), scope)}`];
  if (p.verdict.kind !== 'violated') return lines;
  const r = p.recheck;
  if (p.known !== undefined) lines.push(`  known finding about the text: ${p.known}`);
  if (r?.explanation !== undefined) lines.push(`  ${r.explanation}`);
  const actions = p.verdict.trace.actions;
  const from = actions.length <= WHOLE_TRACE ? 0 : actions.length - 12;
  if (from > 0) lines.push(`  ... ${from} earlier steps in the trace`);
  actions.slice(from).forEach((label, i) => lines.push(`  ${String(from + i + 1).padStart(3)}. ${label}`));
  for (const d of p.derivations ?? []) {
    lines.push(`  how the attacker derived ${d.secret}:`);
    d.steps.forEach((step, i) => lines.push(`    ${String(i + 1).padStart(2)}. ${step}`));
  }
  if (r !== undefined && r.result !== 'reproduced') lines.push(`  WARNING: the trace does not replay (${r.result})`);
  if (r?.liveAgrees !== undefined) lines.push(`  live actors: ${r.liveAgrees ? 'agree on every state of the trace' : 'DISAGREE with the pure step function'}`);
  if (file !== undefined) lines.push(`  saved: ${file}`, `  replay: trecheck replay ${file}`);
  return lines;
}

function searchLine(c: ScenarioCheck): string {
  const s = c.search;
  // A random search counts steps taken, not distinct states.
  if (c.random !== undefined) {
    return `random search: ${count(c.random.runs)} runs of <= ${c.random.maxSteps} steps (seed ${c.random.seed}), ${count(s.transitions)} steps taken, longest run ${s.depth}, ${Math.round(s.millis)} ms`;
  }
  return `${c.method} search: ${count(s.states)} states, ${count(s.transitions)} transitions, depth ${s.depth}, ${Math.round(s.millis)} ms${formatThreads(s)}${formatReduction(s)}`;
}

function scenarioBlock(c: ScenarioCheck, files: ReadonlyMap<PropertyCheck, string>, indent: string): string[] {
  const lines = [scenarioLine(c)];
  const h = c.honest;
  if (h !== undefined) {
    const o = h.pure;
    const length = o.quiescent ? `in ${o.steps} steps` : `when stopped at the ${o.steps}-step limit`;
    lines.push(`  honest run: ${honestRunPassed(c) ? 'goal reached' : 'GOAL NOT REACHED'} ${length} (live actors: ${h.live.steps} steps, ${h.agree ? 'same final states' : 'DIFFERENT final states'})`);
    lines.push(`  TRE registry: ${o.mcims.map((m) => `${m.id} ${m.state}`).join(', ') || '(empty)'}; ${o.sho.id}: ${o.sho.state}, report ${o.sho.report}${o.oldSho ? `; old SHO ${o.oldSho.id}: ${o.oldSho.state}` : ''}`);
    for (const u of new Set([...o.unmet, ...h.live.unmet])) lines.push(`  unmet: ${u}`);
  }
  lines.push(`  ${searchLine(c)}`);
  const g = c.liveness;
  if (g !== undefined) lines.push(`  state graph for the properties of service: ${count(g.states)} states, ${count(g.transitions)} edges, depth ${g.depth}, ${Math.round(g.millis)} ms (every step taken, none left out)`);
  if (c.sanity !== undefined) lines.push(`  ${sanityLine(c.sanity)}`);
  for (const p of c.properties) lines.push(...propertyLines(p, files.get(p), c.scope).map((l) => `  ${l}`));
  return lines.map((l) => `${indent}${l}`);
}

export function formatChecks(checks: readonly ScenarioCheck[], files: ReadonlyMap<PropertyCheck, string>): string {
  const flows = checks.filter((c) => c.threat === undefined);
  const threats = [...new Set(checks.flatMap((c) => (c.threat === undefined ? [] : [c.threat])))];
  const lines: string[] = [
    `trecheck check: ${flows.length} flow scenario(s), ${threats.length} threat(s) in ${checks.length - flows.length} scenario(s)`,
    '',
  ];
  if (flows.length > 0) {
    lines.push('Flows of 004 (5.1.3.6, 5.1.3.7, Annex x.1) and scenario files: the honest run, pure and live (without attacker or faults), then every interleaving searched', '');
    for (const c of flows) lines.push(...scenarioBlock(c, files, ''), '');
  }
  if (threats.length > 0) {
    lines.push('Threats of Alternative 1 (003 7.1.2.1): each with the attacker its threat describes', '');
    for (const t of threats) {
      lines.push(threatHeading(t));
      for (const c of checks.filter((x) => x.threat === t)) lines.push(...scenarioBlock(c, files, '  '));
      lines.push('');
    }
  }
  const all = checks.flatMap((c) => c.properties);
  const violated = all.filter((p) => p.verdict.kind === 'violated');
  const known = violated.filter((p) => p.known !== undefined);
  const inconclusive = all.filter((p) => p.verdict.kind === 'inconclusive').length;
  const honest = checks.filter((c) => c.honest !== undefined);
  if (honest.length > 0) lines.push(`${honest.filter(honestRunPassed).length} of ${honest.length} honest run(s) reach their goal.`);
  const vacuous = checks.filter((c) => c.sanity !== undefined && c.sanity.kind !== 'reachable').length;
  if (checks.some((c) => c.sanity !== undefined)) lines.push(`sanity: ${vacuous === 0 ? 'every attacked scenario can still reach its goal' : `${vacuous} scenario(s) without a goal state found`}.`);
  lines.push(
    `${all.length} verdicts: ${all.length - violated.length - inconclusive} without violation, ${violated.length} violated` +
      ` (${known.length} known finding(s) about the text, ${violated.length - known.length} other)${inconclusive > 0 ? `, ${inconclusive} inconclusive` : ''}.`,
  );
  return `${lines.join('\n')}\n`;
}
