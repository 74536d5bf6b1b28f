// `trecheck list` transcripts: every section says something, the JSON parses, the lists agree with what the model
// accepts (switches, capabilities, assumptions, scenarios), every counter-measure of Alternative 1 is accounted for.
import { describe, expect, it } from 'vitest';
import { capabilityIds, insiderRoles } from '../../models/attacker/capabilities.ts';
import { switches } from '../../models/counterMeasures/switches.ts';
import { presets } from '../../models/flows/presets.ts';
import { resolveScenario } from '../../models/flows/ScenarioConfig.ts';
import { counterMeasureCatalogue } from '../../properties/catalogue/counterMeasureCatalogue.ts';
import { worldProperties } from '../../properties/index.ts';
import { threatSuite } from '../../properties/threats/threatSuite.ts';
import { runCliCaptured } from '../../src/cli/main.ts';

const sections = ['threats', 'switches', 'capabilities', 'properties', 'scenarios', 'assumptions', 'counter-measures', 'alternative3a'];

/** The lines of one section of `trecheck list`, without its heading and the blank line after it. */
async function listed(section: string): Promise<string[]> {
  const r = await runCliCaptured(['list', section]);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  const lines = r.stdout.trimEnd().split('\n');
  expect(lines[0]).toBe(`== ${section}`);
  return lines.slice(1);
}

describe('trecheck list', () => {
  it('prints every section under its heading, in order, when no section is named', async () => {
    const r = await runCliCaptured(['list']);

    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('== '))).toEqual(sections.map((s) => `== ${s}`));
  });

  for (const section of sections) {
    it(`lists something under ${section}`, async () => {
      const lines = await listed(section);

      expect(lines.length).toBeGreaterThan(0);
      expect(lines.every((l) => l.trim() !== '')).toBe(true);
    });
  }

  it('prints parseable JSON with every section non-empty', async () => {
    const r = await runCliCaptured(['list', '--json']);

    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(sections);
    for (const s of sections) {
      const value =
        s === 'capabilities' ? (data[s] as { capabilities: unknown[] }).capabilities
        : s === 'alternative3a' ? (data[s] as { scenarios: unknown[] }).scenarios
        : (data[s] as unknown[]);
      expect(value.length, s).toBeGreaterThan(0);
    }
  });

  it('prints one section as JSON when it is named', async () => {
    const r = await runCliCaptured(['list', 'switches', '--json']);

    const data = JSON.parse(r.stdout) as { switches: { id: string; aliases: string[] }[] };
    expect(Object.keys(data)).toEqual(['switches']);
    expect(data.switches.map((s) => s.id)).toEqual(switches.map((s) => s.id));
  });

  it('names every switch with its aliases, as --off accepts them', async () => {
    const lines = await listed('switches');

    expect(lines).toHaveLength(switches.length);
    for (const s of switches) expect(lines.some((l) => l.startsWith(`${[s.id, ...s.aliases].join(' = ')} (`)), s.id).toBe(true);
  });

  it('lists the threats t1 to t12 with their risk, scenarios and known findings', async () => {
    const lines = await listed('threats');

    const headings = lines.filter((l) => /^t\d+ /.test(l));
    expect(headings.map((l) => l.split(' ')[0])).toEqual(threatSuite.map((t) => `t${t.threat}`));
    expect(headings.every((l) => /: risk (critical|major|minor) \(likelihood /.test(l))).toBe(true);
    const scenarios = lines.filter((l) => l.startsWith('  scenario ')).map((l) => /^ {2}scenario (\S+):/.exec(l)?.[1]);
    expect(scenarios).toEqual(threatSuite.flatMap((t) => t.scenarios.map((s) => s.name)));
    expect(lines).toContain('  known finding about the text: t11-faults/ChangeOfOperatorKeepsService');
  });

  it('lists every attacker capability a scenario accepts, and the insiders', async () => {
    const lines = await listed('capabilities');

    expect(lines.slice(0, -1).map((l) => l.split(':')[0])).toEqual(capabilityIds);
    expect(lines.at(-1)).toBe(`insiders (attacker.dishonest): ${insiderRoles.join(', ')}`);
  });

  it('lists every property once', async () => {
    const lines = await listed('properties');

    expect(lines.map((l) => l.split(':')[0])).toEqual(worldProperties.map((p) => p.property.id));
  });

  it('lists the built-in flow scenarios and every threat scenario', async () => {
    const lines = await listed('scenarios');

    expect(lines).toHaveLength(presets.length + threatSuite.flatMap((t) => t.scenarios).length);
    expect(lines).toContain('change-via-pristine-no-notice (flow): flow change-via-pristine');
    expect(lines).toContain('t6-firmware (t6): flow change-via-old-sho');
  });

  it('lists exactly the assumptions a scenario accepts, with the defaults resolveScenario fills in', async () => {
    const lines = await listed('assumptions');
    const resolved = resolveScenario({ flow: 'initial-3gpp' });
    if (!resolved.ok) throw new Error(resolved.error.message);

    const listedDefaults = Object.fromEntries(lines.map((l) => /^(\w+) \(default ([^)]+)\): /.exec(l)!.slice(1, 3)));
    expect(listedDefaults).toEqual(Object.fromEntries(Object.entries(resolved.config.assumptions).map(([k, v]) => [k, String(v)])));
  });

  it('accounts for each of the 74 counter-measures of Alternative 1, none MISSING', async () => {
    const lines = await listed('counter-measures');

    const lines1 = lines.filter((l) => !l.startsWith('a3a.'));
    expect(lines1).toHaveLength(74);
    expect(lines1.map((l) => l.split(':')[0])).toEqual(counterMeasureCatalogue.filter((c) => c.alternative === '1').map((c) => c.id));
    expect(lines.filter((l) => l.includes('MISSING'))).toEqual([]);
    expect(lines).toContain('t6.cm4: switch t6.cm4');
    expect(lines).toContain('t5.cm4: switch t12.cm2');
    expect(lines.find((l) => l.startsWith('t2.cm2: '))).toMatch(/^t2\.cm2: sum of switches t5\.cm3, t2\.cm4: /);
  });

  it('accounts for each counter-measure of Alternative 3a: the mechanisms are switches of its system, the rest say why not', async () => {
    const lines = (await listed('counter-measures')).filter((l) => l.startsWith('a3a.'));

    expect(lines.map((l) => l.split(':')[0])).toEqual(counterMeasureCatalogue.filter((c) => c.alternative === '3a').map((c) => c.id));
    expect(lines.filter((l) => l.includes('MISSING'))).toEqual([]);
    expect(lines.filter((l) => l.includes(': switch '))).toEqual(['a3a.t2.cm1: switch a3a.t2.cm1', 'a3a.t2.cm2: switch a3a.t2.cm2', 'a3a.t4.cm1: switch a3a.t4.cm1', 'a3a.t4.cm3: switch a3a.t4.cm3']);
    expect(lines).toContain('a3a.t1.cm1: cannot be modelled: a contract, enforced by law, not by protocol');
  });

  it('lists the Alternative 3a model: its scenarios, switches and assumptions', async () => {
    const lines = await listed('alternative3a');

    expect(lines[0]).toMatch(/^system tr33812-alt3a /);
    expect(lines).toContain('assumption otaKeys (default issuer): a3a.f6: no text says who holds the UICC\'s OTA keys; the card\'s issuer (the old MNO) by default, or new-mno');
    expect(lines.filter((l) => l.startsWith('scenario a3a-'))).toHaveLength(7);
  });

  it('rejects an unknown section with one line and exit 2', async () => {
    const r = await runCliCaptured(['list', 'attacks']);

    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`trecheck: unknown section 'attacks'; expected one of: ${sections.join(', ')}\n`);
  });
});
