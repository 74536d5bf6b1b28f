// The assumptions in force for a scenario, by id with one line each, as a verdict's scope names them.
import { describe, expect, it } from 'vitest';
import { assumptionRecords, assumptionsInForce } from '../../models/flows/assumptions.ts';
import { resolveScenario } from '../../models/flows/ScenarioConfig.ts';

const config = (input: object) => {
  const r = resolveScenario({ flow: 'initial-3gpp', ...input });
  if (!r.ok) throw new Error(r.error.message);
  return r.config;
};

describe('assumptionsInForce', () => {
  it('lists every assumption a scenario accepts, once, in the table\'s order', () => {
    const ids = assumptionsInForce(config({})).map((a) => a.id);
    expect(ids).toEqual(assumptionRecords.map((a) => a.id));
    expect([...ids].sort()).toEqual(Object.keys(config({}).assumptions).sort());
  });

  it('names the closed channels by default and says when one is opened', () => {
    const closed = assumptionsInForce(config({}));
    expect(closed.find((a) => a.id === 'operatorLinksClosed')).toMatchObject({ value: true, text: expect.stringContaining('operator links') });
    expect(closed.find((a) => a.id === 'operatorLinksClosed')?.text).toContain('closed');
    const opened = assumptionsInForce(config({ assumptions: { operatorLinksClosed: false } }));
    expect(opened.find((a) => a.id === 'operatorLinksClosed')).toMatchObject({ value: false, text: expect.stringContaining('open') });
  });

  it('says which clause each fills', () => {
    for (const a of assumptionsInForce(config({}))) expect(a.fills).toMatch(/\d\.\d|x\.\d/);
  });
});
