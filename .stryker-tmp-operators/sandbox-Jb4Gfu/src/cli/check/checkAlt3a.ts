// `trecheck check` on Alternative 3a: its threat suite (properties/alt3a/suite3a.ts) run beside 1a's, its
// counterexamples saved as replayable traces, its block of the printed report, and its share of the exit code.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { alternative3aThreats } from '../../../properties/catalogue/alternative3a.ts';
import { suite3a } from '../../../properties/alt3a/suite3a.ts';
import type { CheckPropertyInput } from '../../report/fromCheck.ts';
import { runSuite3a, type Check3aResult } from '../compare/runSuite3a.ts';
import { ExitCode } from '../exitCodes.ts';
import { formatCount as count } from '../../report/formatCount.ts';
import { formatVerdict } from '../../report/formatVerdict.ts';

export interface Alt3aCheck {
  readonly results: readonly Check3aResult[];
  readonly files: ReadonlyMap<CheckPropertyInput, string>;
}

export function checkAlt3a(traceDir: string): Alt3aCheck {
  const results = runSuite3a();
  const files = new Map<CheckPropertyInput, string>();
  for (const c of results) {
    for (const p of c.properties) {
      if (p.verdict.kind !== 'violated') continue;
      mkdirSync(traceDir, { recursive: true });
      const file = join(traceDir, `${p.verdict.trace.system}.${c.config.name}.${p.property}.exhaustive.json`);
      writeFileSync(file, `${JSON.stringify(p.verdict.trace, null, 2)}\n`);
      files.set(p, file);
    }
  }
  return { results, files };
}

/** 1 for a violation (known findings are the baseline's to accept) or a scenario whose goal is unreachable, 3 for inconclusive, else 0. */
export function alt3aExitCode(check: Alt3aCheck): ExitCode {
  const all = check.results.flatMap((c) => c.properties);
  if (all.some((p) => p.verdict.kind === 'violated') || check.results.some((c) => c.sanity?.kind === 'unreachable')) return ExitCode.violated;
  return all.some((p) => p.verdict.kind === 'inconclusive') ? ExitCode.inconclusive : ExitCode.ok;
}

/** The worse of two exit codes: a violation over an inconclusive search over the rest. */
export function worseExit(a: ExitCode, b: ExitCode): ExitCode {
  for (const c of [ExitCode.violated, ExitCode.inconclusive, ExitCode.noViolationFound]) if (a === c || b === c) return c;
  return ExitCode.ok;
}

function heading(threat: number): string {
  if (threat === 0) return 'a3a honest flow (no attacker)';
  const t = alternative3aThreats[threat];
  if (t === undefined) return 'a3a monitoring of the operators\' interaction (editor\'s note of 7.1.2.3.1.2)';
  return `a3a.t${threat} ${t.title}: risk ${t.category} (likelihood ${t.likelihood.join(' or ')} x impact ${t.impact.join(' or ')} = ${t.risk.join(' or ')})`;
}

export function formatAlt3a(check: Alt3aCheck): string {
  const lines = ['Threats of Alternative 3a (003 7.1.2.3.1.3, Ki transfer; flow and assumptions in docs/alternatives.md)', ''];
  check.results.forEach((c, i) => {
    const scenario = suite3a[i]!;
    const off = c.config.off.length === 0 ? 'every counter-measure on' : `switched OFF: ${c.config.off.join(', ')}`;
    lines.push(heading(scenario.threat), `  ${c.config.name}: ${off}`);
    lines.push(`  exhaustive search: ${count(c.search.states)} states, ${count(c.search.transitions)} transitions, depth ${c.search.depth}, ${Math.round(c.millis)} ms`);
    if (c.sanity?.kind === 'reachable') lines.push(`  sanity: a run reaching the goal (the new MNO serves the USIM) exists (${c.sanity.steps} steps)`);
    else lines.push(`  SANITY: ${c.sanity?.kind === 'unreachable' ? 'no reachable state reaches the goal: every claim holds vacuously' : 'inconclusive'}`);
    for (const p of c.properties) {
      lines.push(`  ${p.property} [${p.checks.join(', ')}]: ${formatVerdict(p.verdict)}`);
      if (p.verdict.kind !== 'violated') continue;
      if (p.known !== undefined) lines.push(`    known finding about the text: ${p.known}`);
      if (p.recheck?.explanation !== undefined) lines.push(`    ${p.recheck.explanation}`);
      p.verdict.trace.actions.forEach((label, n) => lines.push(`    ${String(n + 1).padStart(3)}. ${label}`));
      const file = check.files.get(p);
      if (file !== undefined) lines.push(`    replay: trecheck replay ${file}`);
    }
    lines.push('');
  });
  return `${lines.join('\n')}\n`;
}
