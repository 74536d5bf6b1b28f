// No false alarm on a user's own scenario: over scenarios sampled from the schema's options (flows, variants,
// assumptions, SHO commands; no attacker, no faults), every property holds or its violation is a known finding
// about the text (properties/textFindings.ts), each such rule generalising a finding reports/baseline.json accepts.
// Each search is bounded (a cut search counts as no violation found, never as "holds").
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveScenario, type ScenarioInput } from '../../models/flows/ScenarioConfig.ts';
import { shoCommands } from '../../models/roles/sho.ts';
import { shoIds } from '../../models/roleIds.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';
import { propertiesFor } from '../../properties/index.ts';
import { textFindingRules, textFindingsFor } from '../../properties/textFindings.ts';
import { parseBaseline } from '../../src/report/Baseline.ts';
import { searchProperties } from '../../src/engine/searchProperties.ts';

const flows = ['initial-3gpp', 'initial-non3gpp', 'change-via-old-sho', 'change-via-pristine', 'delayed-activation'] as const;

const scenarioInput: fc.Arbitrary<ScenarioInput> = fc.record(
  {
    flow: fc.constantFrom(...flows),
    access: fc.constantFrom('3gpp', 'non3gpp-authenticated', 'non3gpp-unauthenticated'),
    sho: fc.constantFrom(...shoIds),
    bothMcimsPresent: fc.boolean(),
    delayedActivation: fc.boolean(),
    lifecycleActions: fc.boolean(),
    shoCommands: fc.subarray([...shoCommands]),
    dpfGeneratesCredentials: fc.boolean(),
    assumptions: fc.record(
      {
        portalProtected: fc.boolean(),
        manufacturingClosed: fc.boolean(),
        operatorLinksClosed: fc.boolean(),
        atDeviceClosed: fc.boolean(),
        blockFromInstalled: fc.boolean(),
        changeNotice: fc.constantFrom('unordered', 'acknowledged', 'none'),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['flow'] },
);

/** Only scenarios the schema accepts: the resolver's cross-field rules (e.g. the variant needs its flow). */
const accepted = scenarioInput.filter((input) => resolveScenario(input).ok);

describe('every property on every accepted scenario without an attacker', () => {
  it('holds or is a known finding about the text (sampled, each search bounded)', () => {
    fc.assert(
      fc.property(accepted, (input) => {
        const r = resolveScenario(input);
        if (!r.ok) return;
        const checked = propertiesFor(r.config);
        const outcome = searchProperties(() => worldSystem(r.config), checked.map((p) => p.property), { maxStates: 20_000 });
        const alarms = outcome.verdicts
          .filter((v) => v.verdict.kind === 'violated' && textFindingsFor(r.config, v.property).length === 0)
          .map((v) => v.property);
        expect(alarms, JSON.stringify(input)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('counts as known only findings the baseline accepts', () => {
    const read = parseBaseline(JSON.parse(readFileSync(new URL('../../reports/baseline.json', import.meta.url), 'utf8')));
    if (!read.ok) throw new Error(read.message);
    const accepted = new Set(read.baseline.findings.map((f) => `${f.scenario}/${f.property}`));
    for (const rule of textFindingRules) expect(accepted.has(rule.baselined), rule.baselined).toBe(true);
  });

  it('no longer raises the both-present false alarms (a passive bus monitor, 0 injections)', () => {
    const r = resolveScenario({ flow: 'change-via-old-sho', bothMcimsPresent: true, attacker: { capabilities: ['t9.busMonitor'], injections: 0 } });
    if (!r.ok) throw new Error(r.error.message);
    const outcome = searchProperties(() => worldSystem(r.config), propertiesFor(r.config).map((p) => p.property));
    const byId = Object.fromEntries(outcome.verdicts.map((v) => [v.property, v.verdict.kind]));
    expect(byId['ShoSuccessMeansInstalled']).toBe('holds-exhaustively');
    expect(byId['McimOnlyForRegisteredSubscriber']).toBe('holds-exhaustively');
  });
});
