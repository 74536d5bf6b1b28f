// Known findings about the text: each reason (a ThreatCheck's knownFindings, the flows' flowFindings) names a
// scenario that exists and a property checked in it, and reports/baseline.json accepts exactly the documented ones.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { presets } from '../../models/flows/presets.ts';
import { flowProperties } from '../../properties/index.ts';
import { threatSuite } from '../../properties/threats/threatSuite.ts';
import { suite3a } from '../../properties/alt3a/suite3a.ts';
import { flowFindings } from '../../src/cli/check/flowFindings.ts';
import { parseBaseline } from '../../src/report/Baseline.ts';

/** Every scenario check runs by default, with the properties checked in it. */
const scenarios = [
  ...presets.map((p) => ({ name: p.name, properties: flowProperties.map((x) => x.property.id as string) })),
  ...threatSuite.flatMap((t) => t.scenarios.map((s) => ({ name: s.name ?? '', properties: t.properties.map((x) => x.property.id as string) }))),
  // Alternative 3a's suite, which check runs after 1a's.
  ...suite3a.map((s) => ({ name: s.input.name, properties: s.properties.map((x) => x.property.id as string) })),
];

/** Every documented finding, `scenario/property` -> reason, with where it is documented and the scenarios whose
 *  findings that place may document (check reads flowFindings for the flows, a threat's for its own scenarios). */
const documented = [
  ...Object.entries(flowFindings).map(([key, reason]) => ({ key, reason, where: 'flowFindings', own: presets.map((p) => p.name) })),
  ...threatSuite.flatMap((t) =>
    Object.entries(t.knownFindings ?? {}).map(([key, reason]) => ({ key, reason, where: `t${t.threat}`, own: t.scenarios.map((x) => x.name ?? '') })),
  ),
  ...suite3a.flatMap((s) => Object.entries(s.known).map(([property, reason]) => ({ key: `${s.input.name}/${property}`, reason, where: s.input.name, own: [s.input.name] }))),
];

const split = (key: string): { scenario: string; property: string } => {
  const i = key.indexOf('/');
  return { scenario: key.slice(0, i), property: key.slice(i + 1) };
};

function shippedBaseline() {
  const read = parseBaseline(JSON.parse(readFileSync(new URL('../../reports/baseline.json', import.meta.url), 'utf8')));
  if (!read.ok) throw new Error(`reports/baseline.json: ${read.message}`);
  return read.baseline.findings.filter((f) => f.command === 'check');
}

describe('known findings about the text', () => {
  it('are keyed by scenario names that are unique across the flows and the threat suite', () => {
    const names = scenarios.map((s) => s.name);

    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect(names.filter((n) => n === '')).toEqual([]);
  });

  it('name each threat scenario after its threat', () => {
    const misnamed = threatSuite.flatMap((t) => t.scenarios.filter((s) => !(s.name ?? '').startsWith(`t${t.threat}-`)).map((s) => s.name));

    expect(misnamed).toEqual([]);
  });

  it('each name a scenario where it is documented and a property checked in that scenario', () => {
    const stray = documented.filter(({ key, own }) => {
      const { scenario, property } = split(key);
      return !own.includes(scenario) || !scenarios.find((x) => x.name === scenario)!.properties.includes(property);
    });

    expect(documented.length).toBeGreaterThan(0);
    expect(stray.map((d) => `${d.where}: ${d.key}`)).toEqual([]);
  });

  it('each give the clause of the text that leaves the gap', () => {
    const unsourced = documented.filter(({ reason }) => !/\b\d+(\.\d+)+\b/.test(reason));

    expect(unsourced.map((d) => d.key)).toEqual([]);
  });

  it('are what the shipped baseline accepts: every accepted violation is documented', () => {
    const undocumented = shippedBaseline()
      .filter((f) => f.property !== '(scenario)')
      .filter((f) => !documented.some((d) => d.key === `${f.scenario}/${f.property}`))
      .map((f) => `${f.scenario}/${f.property}`);

    expect(undocumented).toEqual([]);
  });

  it('are what the shipped baseline accepts: every documented finding is accepted as a violation', () => {
    const accepted = new Set(shippedBaseline().filter((f) => f.kind === 'violated').map((f) => `${f.scenario}/${f.property}`));

    expect(documented.filter((d) => !accepted.has(d.key)).map((d) => d.key)).toEqual([]);
  });

  it('accept a failed honest run only for the scenario without a change notice and the TRE filled by repeated provisioning, whose violations are documented', () => {
    const failedRuns = shippedBaseline().filter((f) => f.property === '(scenario)');

    expect([...new Set(failedRuns.map((f) => f.scenario))].sort()).toEqual(['change-via-old-sho-twice-capacity-2', 'change-via-pristine-no-notice']);
    expect(failedRuns.every((f) => f.kind === 'failed')).toBe(true);
    expect(flowFindings['change-via-pristine-no-notice/HonestRunEndsAtGoal']).toBeDefined();
    expect(flowFindings['change-via-old-sho-twice-capacity-2/HonestRunEndsAtGoal']).toBeDefined();
  });

  it('accept only scenarios that check runs by default', () => {
    const names = new Set(scenarios.map((s) => s.name));

    expect(shippedBaseline().filter((f) => !names.has(f.scenario)).map((f) => f.scenario)).toEqual([]);
  });
});
