// The scenario file format: docs/scenario.schema.json is what `npm run schema` generates from the validating zod
// schema, and every scenario trecheck ships (the flows' and the threat suite's) passes that validation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../models/flows/ScenarioConfig.ts';
import { threatSuite } from '../../properties/threats/threatSuite.ts';
import { scenarioSchemaText } from '../../scripts/scenarioSchemaText.ts';

describe('scenario file format', () => {
  it('docs/scenario.schema.json is the schema generated from the validating one (run `npm run schema` after a change)', () => {
    const shipped = readFileSync(new URL('../../docs/scenario.schema.json', import.meta.url), 'utf8');

    expect(shipped).toBe(scenarioSchemaText());
  });

  it('the JSON Schema lists every field a scenario accepts and no other', () => {
    const schema = JSON.parse(scenarioSchemaText()) as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean };

    expect(schema.required).toEqual(['flow']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['name', 'flow', 'off', 'assumptions', 'attacker']));
  });

  for (const t of threatSuite) {
    for (const input of t.scenarios) {
      it(`threat scenario ${input.name} is a valid scenario that keeps its name and capabilities`, () => {
        const r = resolveScenario(input);

        expect(r.ok ? '' : r.error.message).toBe('');
        if (!r.ok) return;
        expect(r.config.name).toBe(input.name);
        expect(r.config.attacker.capabilities).toEqual(expect.arrayContaining([...(input.attacker?.capabilities ?? [])]));
      });
    }
  }
});
