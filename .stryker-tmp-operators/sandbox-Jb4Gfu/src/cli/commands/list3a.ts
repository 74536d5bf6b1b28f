// `trecheck list alternative3a`: the Alternative 3a model (system tr33812-alt3a): its threat scenarios with their
// claims and findings, its switches, capabilities, insiders and assumptions (docs/alternatives.md).
import { capabilities3a, insiders3a, switches3a } from '../../../models/alt3a/Alt3aConfig.ts';
import { properties3a } from '../../../properties/alt3a/index.ts';
import { suite3a } from '../../../properties/alt3a/suite3a.ts';

const assumptions3a = [{ id: 'otaKeys', default: 'issuer', fills: 'a3a.f6: no text says who holds the UICC\'s OTA keys; the card\'s issuer (the old MNO) by default, or new-mno' }];

export function data3a(): unknown {
  return {
    system: 'tr33812-alt3a',
    scenarios: suite3a.map((s) => ({ name: s.input.name, threat: s.threat, attacker: s.input.attacker ?? null, assumptions: s.input.assumptions ?? {}, properties: s.properties.map((p) => p.property.id), knownFindings: Object.keys(s.known) })),
    switches: Object.entries(switches3a).map(([id, mechanism]) => ({ id, mechanism })),
    capabilities: Object.entries(capabilities3a).map(([id, what]) => ({ id, what })),
    insiders: insiders3a,
    properties: properties3a.map((p) => ({ id: p.id, description: p.description })),
    assumptions: assumptions3a,
  };
}

export function text3a(): string[] {
  return [
    'system tr33812-alt3a (Ki transfer, 003 7.1.2.3.1; flow steps a3a.f1-f9 in docs/alternatives.md)',
    ...suite3a.map((s) => `scenario ${s.input.name} (${s.threat === 0 ? 'honest' : s.threat === 5 ? 'editor\'s note' : `a3a.t${s.threat}`}): ${s.properties.map((p) => p.property.id).join(', ')}${Object.keys(s.known).length === 0 ? '' : `; known findings: ${Object.keys(s.known).join(', ')}`}`),
    ...Object.entries(switches3a).map(([id, m]) => `switch ${id}: ${m}`),
    ...Object.entries(capabilities3a).map(([id, w]) => `capability ${id}: ${w}`),
    `insiders (attacker.insider): ${insiders3a.join(', ')}`,
    ...properties3a.map((p) => `property ${p.id}: ${p.description}`),
    ...assumptions3a.map((a) => `assumption ${a.id} (default ${a.default}): ${a.fills}`),
  ];
}
