// `trecheck list`: what the model holds, for a reviewer writing a scenario: the threats with their scenarios and
// properties, the counter-measure switches, the attacker's capabilities, the properties, the built-in scenarios,
// the assumptions, and how each of the 74 counter-measures of Alternative 1 is accounted for; Alternative 3a's
// counter-measures follow 1a's, and its model has a section of its own (list3a.ts).
import type { Command } from 'commander';
import { capabilities, insiderRoles } from '../../../models/attacker/capabilities.ts';
import { coverageOf, type Coverage } from '../../../properties/catalogue/coverage.ts';
import { coverageOf3a, ids3a } from '../../../properties/alt3a/coverage3a.ts';
import { data3a, text3a } from './list3a.ts';
import { switches } from '../../../models/counterMeasures/switches.ts';
import { presets } from '../../../models/flows/presets.ts';
import { counterMeasureCatalogue } from '../../../properties/catalogue/counterMeasureCatalogue.ts';
import { worldProperties } from '../../../properties/index.ts';
import { threatSuite } from '../../../properties/threats/threatSuite.ts';
import { threatHeading } from '../check/formatCheck.ts';
import type { CliContext } from '../CliContext.ts';
import { ExitCode } from '../exitCodes.ts';
import { InputError } from '../InputError.ts';
import { assumptionRecords } from '../../../models/flows/assumptions.ts';

const sections = ['threats', 'switches', 'capabilities', 'properties', 'scenarios', 'assumptions', 'counter-measures', 'alternative3a'] as const;
type Section = (typeof sections)[number];

/** Steps the text does not have, each switchable in a scenario's `assumptions` (docs/model.md lists them all). */
const assumptions = assumptionRecords.map((a) => ({ id: a.id, default: a.default, fills: a.fills }));

function coverageText(c: Coverage | undefined): string {
  if (c === undefined) return 'MISSING';
  switch (c.kind) {
    case 'switch':
      return `switch ${c.switch}`;
    case 'property':
      return `property ${c.property}: ${c.note}`;
    case 'umbrella':
      return `sum of switches ${c.switches.join(', ')}: ${c.note}`;
    case 'not-modelled':
      return `not modelled: ${c.reason}`;
    case 'not-modelable':
      return `cannot be modelled: ${c.reason}`;
  }
}

function data(section: Section): unknown {
  switch (section) {
    case 'threats':
      return threatSuite.map((t) => ({
        threat: `t${t.threat}`,
        heading: threatHeading(t.threat),
        scenarios: t.scenarios.map((s) => s.name),
        capabilities: [...new Set(t.scenarios.flatMap((s) => s.attacker?.capabilities ?? []))],
        properties: t.properties.map((p) => p.property.id),
        knownFindings: Object.keys(t.knownFindings ?? {}),
      }));
    case 'switches':
      return switches.map((s) => ({ id: s.id, aliases: s.aliases, clause: s.clause, mechanism: s.mechanism, off: s.off }));
    case 'capabilities':
      return { capabilities: Object.entries(capabilities).map(([id, what]) => ({ id, what })), insiders: insiderRoles };
    case 'properties':
      return worldProperties.map((p) => ({ id: p.property.id, description: p.property.description, checks: p.checks }));
    case 'scenarios':
      return [...presets.map((p) => ({ name: p.name, kind: 'flow', flow: p.flow })), ...threatSuite.flatMap((t) => t.scenarios.map((s) => ({ name: s.name, kind: `t${t.threat}`, flow: s.flow })))];
    case 'assumptions':
      return assumptions;
    case 'counter-measures':
      return [
        ...counterMeasureCatalogue.filter((c) => c.alternative === '1').map((c) => ({ id: c.id, summary: c.summary, coverage: coverageOf(c.id) ?? null })),
        ...ids3a.map((id) => ({ id, summary: counterMeasureCatalogue.find((c) => c.id === id)?.summary ?? '', coverage: coverageOf3a(id) ?? null })),
      ];
    case 'alternative3a':
      return data3a();
  }
}

function text(section: Section): string[] {
  switch (section) {
    case 'threats':
      return threatSuite.flatMap((t) => [
        threatHeading(t.threat),
        ...t.scenarios.map((s) => `  scenario ${s.name}: ${s.flow}; capabilities ${(s.attacker?.capabilities ?? []).join(', ') || 'none'}`),
        `  properties: ${t.properties.map((p) => p.property.id).join(', ')}`,
        ...Object.keys(t.knownFindings ?? {}).map((k) => `  known finding about the text: ${k}`),
      ]);
    case 'switches':
      return switches.map((s) => `${[s.id, ...s.aliases].join(' = ')} (${s.clause}): ${s.mechanism}; off: ${s.off}`);
    case 'capabilities':
      return [...Object.entries(capabilities).map(([id, what]) => `${id}: ${what}`), `insiders (attacker.dishonest): ${insiderRoles.join(', ')}`];
    case 'properties':
      return worldProperties.map((p) => `${p.property.id}: ${p.property.description} [${p.checks.join(', ')}]`);
    case 'scenarios':
      return (data('scenarios') as { name: string; kind: string; flow: string }[]).map((s) => `${s.name} (${s.kind}): flow ${s.flow}`);
    case 'assumptions':
      return assumptions.map((a) => `${a.id} (default ${a.default}): ${a.fills}`);
    case 'counter-measures':
      return [
        ...counterMeasureCatalogue.filter((c) => c.alternative === '1').map((c) => `${c.id}: ${coverageText(coverageOf(c.id))}`),
        ...ids3a.map((id) => `${id}: ${coverageText(coverageOf3a(id) as Coverage | undefined)}`),
      ];
    case 'alternative3a':
      return text3a();
  }
}

export function registerList(program: Command, ctx: CliContext): void {
  program
    .command('list')
    .description(`what the model holds: ${sections.join(', ')} (default: all)`)
    .argument('[section]', `one of: ${sections.join(', ')}`)
    .option('--json', 'print as JSON')
    .action((section: string | undefined, options: { json?: boolean }) => {
      if (section !== undefined && !(sections as readonly string[]).includes(section)) {
        throw new InputError(`unknown section '${section}'; expected one of: ${sections.join(', ')}`);
      }
      const chosen = section === undefined ? sections : [section as Section];
      if (options.json === true) {
        ctx.out(`${JSON.stringify(Object.fromEntries(chosen.map((s) => [s, data(s)])), null, 2)}\n`);
      } else {
        ctx.out(`${chosen.map((s) => [`== ${s}`, ...text(s), ''].join('\n')).join('\n')}`);
      }
      ctx.exit(ExitCode.ok);
    });
}
