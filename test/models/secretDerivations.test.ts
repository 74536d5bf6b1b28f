// Under a violated secrecy property's trace, the attacker's derivation of the secret it holds.
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../models/flows/ScenarioConfig.ts';
import { secretDerivations } from '../../models/world/secretDerivations.ts';
import { worldOfTrace, worldSystem } from '../../models/world/worldSystem.ts';
import { worldProperties } from '../../properties/index.ts';
import { threatSuite } from '../../properties/threats/threatSuite.ts';
import { searchProperties } from '../../src/engine/searchProperties.ts';

describe('secretDerivations', () => {
  it('t3 malware with the MCIM sent in clear ([t5 cm3] off): reads the download, opens the signed object, projects the Ki', () => {
    const input = threatSuite.flatMap((t) => t.scenarios).find((s) => s.name === 't3-malware')!;
    const r = resolveScenario({ ...input, off: ['t5.cm3'] });
    if (!r.ok) throw new Error(r.error.message);
    const property = worldProperties.find((p) => p.property.id === 'McimSecretNeverLeaves')!.property;
    const verdict = searchProperties(() => worldSystem(r.config), [property]).verdicts[0]!.verdict;
    expect(verdict.kind).toBe('violated');
    if (verdict.kind !== 'violated') return;
    const ki = secretDerivations(r.config, verdict.trace.actions, worldOfTrace(verdict.trace).options).find((d) => d.secret === 'ki:sho1')!;
    expect(ki.steps[0]).toMatch(/^read sign\(<M2MSIMMobj, pcid:dev1, /);
    expect(ki.steps.at(-1)).toMatch(/^ki:sho1: projection of <mcim, sho1, imsi:sho1, ki:sho1, /);
    expect(ki.steps.some((s) => s.includes('body of the signature'))).toBe(true);
  });

  it('with the counter-measure on, the attacker holds no secret at the end of an honest run', () => {
    const input = threatSuite.flatMap((t) => t.scenarios).find((s) => s.name === 't3-malware')!;
    const r = resolveScenario(input);
    if (!r.ok) throw new Error(r.error.message);
    const goal = searchProperties(() => worldSystem(r.config), [worldProperties.find((p) => p.property.id === 'McimSecretNeverLeaves')!.property]);
    expect(goal.verdicts[0]!.verdict.kind).toBe('holds-exhaustively');
    expect(secretDerivations(r.config, [])).toEqual([]);
  });
});
