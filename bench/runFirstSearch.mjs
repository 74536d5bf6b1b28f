// Runs bench/firstSearchProcess.ts (its arguments passed on) as the CLI runs its searches: from the bundle while it is
// fresh, its worker threads from it too, so that neither pays for compiling TypeScript; otherwise from the sources
// through tsx (bin/runFromBundle.js). Plain JavaScript: it starts without a loader.
import { runFromBundle } from '../bin/runFromBundle.js';

await runFromBundle(new URL('../', import.meta.url), 'firstSearchProcess.mjs', new URL('./firstSearchProcess.ts', import.meta.url).href);
