// properties/index.ts: every world property names what it checks, ids are unique, and coverage links are real.
import { describe, expect, it } from 'vitest';
import { counterMeasure, type KnownCounterMeasureId } from '../../properties/catalogue/counterMeasureCatalogue.ts';
import { flowProperties, propertyCoverage, worldProperties } from '../../properties/index.ts';
import { threatSuite } from '../../properties/threats/threatSuite.ts';
import { findReferences } from '../../src/text/findReferences.ts';
import { seedsAvailable, seedText } from '../text/textFixtures.ts';

describe('properties/index.ts', () => {
  it('lists each world property once, with the TR clauses or counter-measures it checks', () => {
    const ids = worldProperties.map((p) => p.property.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      // The flows' claims first, then the threats' in the order of the threat suite (003 7.1.2.1).
      'AtMostOneMcimActive', 'HonestRunEndsAtGoal', 'ProvisionedMcimNotRefused',
      'McimSecretNeverLeaves', 'NoSecretInClearOnHostInterface', 'NoMcimCredentialInTwoTres', 'McimInstalledOnlyInItsTre', 'InstalledMcimWasIssuedForThisTre', 'ShoSuccessMeansInstalled',
      'DmSessionPeersAuthenticated', 'ReleaseAgreesWithOldSho', 'SubscriberChoiceHonoured', 'TrePlatformKeySecret', 'InstructionAppliedOncePerIssue', 'TamperedTreServesNoMcim', 'TreFirmwareOnlyFromSupplier',
      'McimIssuedOnlyForValidPlatform', 'PlatformCredentialOfItsOwnTre', 'LifecycleChangesOnlyByOwner', 'McimActivatedOnlyWithShoAuthorisation', 'LifecycleCommandAppliedOncePerIssue', 'LifecycleCommandAppliedOnlyByItsDevice',
      'LifecycleCommandFollows5111', 'ActivateOnlyWithNoOtherActive', 'McimUpdatedOnlyByItsSho', 'McimUpdateChangesOnlyTheInstanceItNames',
      'McimUpdateAppliedOncePerIssue', 'ModifiedMcimNeverSelectedAfterBoot', 'ActivationOnlyOfInstalledMcim',
      'UserCredentialBlockedAfterNWrongTries',
      'RemoteGuessesCannotLockPlatform', 'InstructionOnlyForAuthenticatedUser', 'KeypadEntryTakenOnce', 'UserCommandOnlyFromSubscriber', 'ChangeOfOperatorKeepsService', 'ServiceRecoverable', 'ServiceEventually',
      'McimOnlyForRegisteredSubscriber',
    ]);
    expect(flowProperties.map((p) => p.property.id)).toEqual(['AtMostOneMcimActive', 'HonestRunEndsAtGoal', 'ProvisionedMcimNotRefused']);
    for (const p of worldProperties) {
      expect(p.checks.length).toBeGreaterThan(0);
      expect(new Set(p.checks).size).toBe(p.checks.length);
      for (const c of p.checks) {
        expect(c).toMatch(/^(004 5\.\d[\d.]*( steps? [\d-]+)?|004 x\.\d[\d.]*( NOTE \d+)?|001 steps? [\d-]+|a?3?a?\.?t\d+\.cm\d+)$/);
      }
    }
  });

  it('merges the checks of a claim several threats share: the union, each once', () => {
    for (const p of worldProperties) {
      const sources = [...flowProperties, ...threatSuite.flatMap((t) => t.properties)].filter((q) => q.property.id === p.property.id);
      expect(sources.length).toBeGreaterThan(0);
      for (const q of sources) expect(q.property).toBe(p.property);
      expect(new Set(p.checks)).toEqual(new Set(sources.flatMap((q) => q.checks)));
    }
  });

  // Runs once a coverage link exists; with none, it could not fail, so it is skipped rather than passed.
  it.skipIf(propertyCoverage.length === 0)('links coverage only to properties that exist and counter-measures of the catalogue', () => {
    const ids = new Set<string>(worldProperties.map((p) => p.property.id));
    for (const entry of propertyCoverage) {
      expect(ids.has(entry.id)).toBe(true);
      for (const cm of entry.counterMeasures) expect(() => counterMeasure(cm as KnownCounterMeasureId)).not.toThrow();
    }
  });

  it.skipIf(!seedsAvailable())('has no coverage link for the flow properties, whose clauses (004 5.1.3.6, 5.1.3.7) cite no counter-measure', () => {
    const { lines } = seedText('004');
    const from = lines.findIndex((l) => l.trim() === '5.1.3.6');
    const to = lines.findIndex((l) => l.startsWith('Annex x'));
    expect(from).toBeGreaterThan(0);
    expect(to).toBeGreaterThan(from);
    expect(findReferences(lines.slice(from, to))).toEqual([]);
    const flowIds = new Set<string>(flowProperties.map((p) => p.property.id));
    expect(propertyCoverage.filter((c) => flowIds.has(c.id))).toEqual([]);
  });

  it('links each threat claim that cites counter-measures to exactly those, and no claim without one', () => {
    const expected = worldProperties
      .map((p) => ({ id: p.property.id as string, counterMeasures: p.checks.filter((c) => /^t\d+\.cm\d+$/.test(c)) }))
      .filter((c) => c.counterMeasures.length > 0);
    expect(propertyCoverage).toEqual(expected);
    // ChangeOfOperatorKeepsService checks a clause only (5.1.3.7.4.2 steps 7-12): it has no coverage link.
    expect(propertyCoverage.map((c) => c.id)).not.toContain('ChangeOfOperatorKeepsService');
    // InstructionAppliedOncePerIssue and ActivateOnlyWithNoOtherActive check clauses only, as well.
    expect(propertyCoverage.map((c) => c.id)).not.toContain('InstructionAppliedOncePerIssue');
    expect(propertyCoverage).toHaveLength(31);
  });
});
