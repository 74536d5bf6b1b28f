// Coverage of the counter-measures of Alternative 1 (properties/catalogue/coverage.ts): each one accounted for
// exactly once, and every switch, alias, umbrella and property named there exists.
import { describe, expect, it } from 'vitest';
import { coverageOf, unswitched } from '../../properties/catalogue/coverage.ts';
import { switchIds, switchOf, switches } from '../../models/counterMeasures/switches.ts';
import { counterMeasureCatalogue } from '../../properties/catalogue/counterMeasureCatalogue.ts';
import { worldProperties } from '../../properties/index.ts';
import { threatSuite } from '../../properties/threats/threatSuite.ts';

const alternative1 = counterMeasureCatalogue.filter((c) => c.alternative === '1');
const alternative1Ids = new Set<string>(alternative1.map((c) => c.id));


describe('counter-measure coverage', () => {
  it('accounts for every counter-measure of Alternative 1 in exactly one way: not modelable, a switch, or an entry of its own', () => {
    const ways = alternative1.map((c) => ({
      id: c.id,
      ways: [!c.modelable ? 'not-modelable' : '', switchOf(c.id) === undefined ? '' : 'switch', c.id in unswitched ? 'unswitched' : ''].filter((w) => w !== ''),
    }));

    expect(ways.filter((w) => w.ways.length !== 1)).toEqual([]);
    expect(alternative1.filter((c) => coverageOf(c.id) === undefined).map((c) => c.id)).toEqual([]);
  });

  it('classifies an id as the switch it belongs to, a primary id and an alias alike', () => {
    expect(coverageOf('t6.cm4')).toEqual({ kind: 'switch', switch: 't6.cm4' });
    expect(coverageOf('t5.cm4')).toEqual({ kind: 'switch', switch: 't12.cm2' });
    expect(coverageOf('t2.cm2')?.kind).toBe('umbrella');
    expect(coverageOf('t1.cm2')?.kind).toBe('not-modelable');
    expect(coverageOf('t99.cm1')).toBeUndefined();
  });

  it('keeps no entry for an id outside Alternative 1', () => {
    expect(Object.keys(unswitched).filter((id) => !alternative1Ids.has(id))).toEqual([]);
  });

  it('names only catalogue ids of modelable counter-measures as switch ids and aliases', () => {
    const named = switches.flatMap((s) => [s.id, ...s.aliases] as string[]);
    const modelable = new Set<string>(alternative1.filter((c) => c.modelable).map((c) => c.id));

    expect(named.filter((id) => !alternative1Ids.has(id))).toEqual([]);
    expect(named.filter((id) => !modelable.has(id))).toEqual([]);
  });

  it('gives each id, primary or alias, to one switch only', () => {
    const named = switches.flatMap((s) => [s.id, ...s.aliases] as string[]);

    expect(named.filter((id, i) => named.indexOf(id) !== i)).toEqual([]);
  });

  it('builds each umbrella from existing, distinct switches', () => {
    const umbrellas = Object.entries(unswitched).flatMap(([id, c]) => (c.kind === 'umbrella' ? [{ id, switches: c.switches as readonly string[] }] : []));

    expect(umbrellas.length).toBeGreaterThan(0);
    for (const u of umbrellas) {
      expect(u.switches.length, u.id).toBeGreaterThan(0);
      expect(u.switches.filter((s) => !(switchIds as readonly string[]).includes(s)), u.id).toEqual([]);
      expect(new Set(u.switches).size, u.id).toBe(u.switches.length);
    }
  });

  it('states each property coverage as a property the model checks', () => {
    const ids = new Set<string>(worldProperties.map((p) => p.property.id));
    const properties = Object.entries(unswitched).flatMap(([id, c]) => (c.kind === 'property' ? [{ id, property: c.property }] : []));

    expect(properties.length).toBeGreaterThan(0);
    expect(properties.filter((p) => !ids.has(p.property))).toEqual([]);
  });

  it('gives a reason for every counter-measure it does not model', () => {
    const silent = alternative1.filter((c) => {
      const cov = coverageOf(c.id);
      return (cov?.kind === 'not-modelled' || cov?.kind === 'not-modelable') && cov.reason.trim().length < 10;
    });

    expect(silent.map((c) => c.id)).toEqual([]);
  });

  it('has every threat property check only counter-measures the model can express', () => {
    const cited = threatSuite.flatMap((t) => t.properties.flatMap((p) => p.checks.filter((c) => /^t\d+\.cm\d+$/.test(c)).map((c) => ({ threat: t.threat, property: p.property.id, id: c }))));

    expect(cited.filter((c) => !alternative1Ids.has(c.id))).toEqual([]);
    expect(cited.filter((c) => coverageOf(c.id)?.kind === 'not-modelable')).toEqual([]);
  });

  it('does not give t4.cm5 (003: network-side filtering, not modelable) to the tamper-lockdown switch that 004 5.1.2.2 cites it for', () => {
    expect(switchOf('t4.cm5')).toBeUndefined();
    expect(threatSuite.flatMap((t) => t.properties.flatMap((p) => p.checks))).not.toContain('t4.cm5');
  });
});
