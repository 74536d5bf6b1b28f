// docs/threats.md keeps up with the data: its generated blocks are what `npm run threats-doc` writes now, and
// every switch has a witness attack naming a threat scenario and a property that scenario checks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { switchIds } from '../../models/counterMeasures/switches.ts';
import { threatSuite } from '../../properties/threats/threatSuite.ts';
import { renderThreatsDoc, THREATS_DOC_PATH, witnessAttacks } from '../../scripts/threatsDoc.ts';

const doc = readFileSync(THREATS_DOC_PATH, 'utf8');

describe('docs/threats.md', () => {
  it('has generated blocks that are up to date (else run npm run threats-doc)', () => {
    expect(renderThreatsDoc(doc)).toBe(doc);
  });

  it('has a section for every threat of the suite', () => {
    for (const t of threatSuite) expect(doc).toMatch(new RegExp(`^### t${t.threat} `, 'm'));
  });

  it('gives every switch a witness attack in a scenario that checks the property it breaks', () => {
    expect(Object.keys(witnessAttacks).sort()).toEqual([...switchIds].sort());
    for (const [id, w] of Object.entries(witnessAttacks)) {
      const threat = threatSuite.find((t) => t.scenarios.some((s) => s.name === w.scenario));
      expect(threat, `${id}: scenario ${w.scenario}`).toBeDefined();
      expect(threat!.properties.map((p) => p.property.id as string), `${id}: ${w.property} in ${w.scenario}`).toContain(w.property);
    }
  });

  it('refuses a document without the markers of a block', () => {
    expect(() => renderThreatsDoc('# nothing')).toThrow(/no block 'overview'/);
  });
});
