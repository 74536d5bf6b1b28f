// Alternative 3a's claims on its threat scenarios: what the text leads to expect (003 7.1.2.3.1.3), found with
// the counter-measure off and, where the text says so, closed with it on. Findings the model adds are pinned too.
import { describe, expect, it } from 'vitest';
import type { Switch3a } from '../../../models/alt3a/Alt3aConfig.ts';
import { suite3a, type Scenario3a } from '../../../properties/alt3a/suite3a.ts';
import { runScenario3a } from '../../../src/cli/compare/runSuite3a.ts';

const scenario = (name: string): Scenario3a => suite3a.find((s) => s.input.name === name)!;
function verdict(name: string, property: string, off: readonly Switch3a[] = [], assumptions?: Scenario3a['input']['assumptions']): string {
  const s = scenario(name);
  const run = runScenario3a(assumptions === undefined ? s : { ...s, input: { ...s.input, assumptions } }, off);
  const v = run.properties.find((p) => p.property === property)!.verdict;
  return v.kind === 'holds-exhaustively' ? (v.complete ? 'holds' : 'bounded') : v.kind;
}

describe('Alternative 3a threat suite', () => {
  it('names only properties its scenarios check in their known findings, and every scenario can reach the goal', () => {
    for (const s of suite3a) {
      const ids = s.properties.map((p) => p.property.id as string);
      for (const k of Object.keys(s.known)) expect(ids).toContain(k);
      expect(runScenario3a(s).sanity?.kind).toBe('reachable');
    }
  });

  it('the honest flow keeps service and authenticates only the USIM', () => {
    expect(verdict('a3a-honest', 'NewOperatorAuthenticatesOnlyTheUsim')).toBe('holds');
    expect(verdict('a3a-honest', 'ChangeOfOperatorKeepsService')).toBe('holds');
  });

  it('threat 2: without the OTA key change the old MNO derives the Ki in use after the change', () => {
    expect(verdict('a3a-t2-old-mno', 'OldOperatorCannotDeriveCredentialInUse', ['a3a.t2.cm1'])).toBe('violated');
    expect(verdict('a3a-t2-old-mno-fresh-ota-keys', 'OldOperatorCannotDeriveCredentialInUse', ['a3a.t2.cm1'])).toBe('violated');
  });

  it('threat 2: the OTA key change closes it when the old MNO never held the OTA keys, not when it issued them', () => {
    expect(verdict('a3a-t2-old-mno-fresh-ota-keys', 'OldOperatorCannotDeriveCredentialInUse')).toBe('holds');
    expect(verdict('a3a-t2-old-mno-fresh-ota-keys', 'TrafficAfterChangeStaysConfidentialFromOldOperator')).toBe('holds');
    expect(verdict('a3a-t2-old-mno-fresh-ota-keys', 'NewOperatorAuthenticatesOnlyTheUsim')).toBe('holds');
    expect(verdict('a3a-t2-old-mno', 'OldOperatorCannotDeriveCredentialInUse')).toBe('violated');
  });

  it('threat 2: new OTA keys sent under the issuer\'s keys (a3a.t4.cm3) do not help against an old MNO that listens', () => {
    expect(verdict('a3a-t2-old-mno', 'OldOperatorCannotDeriveCredentialInUse', [])).toBe('violated');
    expect(verdict('a3a-t2-old-mno', 'OldOperatorCannotDeriveCredentialInUse', ['a3a.t4.cm3'])).toBe('violated');
  });

  it('threat 3: the new MNO reads the traffic it recorded, with the OTA key change or without', () => {
    expect(verdict('a3a-t3-recorded-traffic', 'PastTrafficStaysConfidentialFromNewOperator')).toBe('violated');
    expect(verdict('a3a-t3-recorded-traffic', 'PastTrafficStaysConfidentialFromNewOperator', ['a3a.t2.cm1'])).toBe('violated');
  });

  it('threat 4: a lost OTA step strands the USIM; without the OTA changes the transfer keeps service', () => {
    expect(verdict('a3a-t4-faults', 'ChangeOfOperatorKeepsService')).toBe('violated');
    expect(verdict('a3a-t4-faults', 'ChangeOfOperatorKeepsService', ['a3a.t2.cm1', 'a3a.t2.cm2', 'a3a.t4.cm3'])).toBe('holds');
  });

  it('threat 1: a refusing old MNO blocks the change', () => {
    expect(verdict('a3a-t1-refusal', 'ChangeNotBlockedByOldOperator')).toBe('violated');
  });

  it('the editor\'s note: a monitor of the operators learns the Ki only when the transfer is not protected', () => {
    expect(verdict('a3a-monitor', 'SubscriberKeyNeverLeaves')).toBe('holds');
    expect(verdict('a3a-monitor', 'SubscriberKeyNeverLeaves', ['a3a.t4.cm1'])).toBe('violated');
  });
});
