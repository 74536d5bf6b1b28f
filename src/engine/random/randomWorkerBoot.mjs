// Worker thread entry: registers the TypeScript loader (tsx), so workers run the same .ts
// sources under tsx, vitest or plain node, then starts the random-search worker.
import { register } from 'tsx/esm/api';

register();
await import('./randomWorker.ts');
