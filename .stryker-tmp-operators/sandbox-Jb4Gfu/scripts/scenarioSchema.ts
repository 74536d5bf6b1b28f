// Writes docs/scenario.schema.json, the JSON Schema of the scenario file format (`trecheck check --config`),
// generated from the zod schema that validates it, so the two cannot drift (a test compares them).
import { writeFileSync } from 'node:fs';
import { scenarioSchemaText } from './scenarioSchemaText.ts';

writeFileSync(new URL('../docs/scenario.schema.json', import.meta.url), scenarioSchemaText());
