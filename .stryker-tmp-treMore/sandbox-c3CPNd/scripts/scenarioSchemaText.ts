// The JSON Schema text of a scenario file, from the validating zod schema (models/flows/ScenarioConfig.ts).
import { z } from 'zod';
import { scenarioInputSchema } from '../models/flows/ScenarioConfig.ts';

export function scenarioSchemaText(): string {
  const schema = {
    ...z.toJSONSchema(scenarioInputSchema, { io: 'input' }),
    title: 'trecheck scenario',
    description: 'A scenario of the TR 33.812 Alternative 1a model: flow, variants, counter-measures switched off, assumptions and the attacker. An array of scenarios is accepted too.',
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
