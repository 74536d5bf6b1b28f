// The path of a scenario file of examples/scenarios/, as the CLI tests pass it to `check --config`.
import { fileURLToPath } from 'node:url';

export const exampleScenario = (name: string): string => fileURLToPath(new URL(`../../examples/scenarios/${name}`, import.meta.url));
