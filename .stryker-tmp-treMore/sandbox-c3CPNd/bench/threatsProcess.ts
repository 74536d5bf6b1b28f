// Child process of the bench's TR-world figures: the threat suite alone in a fresh process, as `npm run check` runs
// it (searching the benchmark model in the same process would make the engine's code polymorphic and slow both).
// Prints one JSON line: the ThreatFigures.
import { measureThreats } from './measureThreats.ts';

process.stdout.write(`${JSON.stringify(measureThreats())}\n`);
