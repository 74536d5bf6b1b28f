// Worker thread entry: registers the TypeScript loader (tsx) so the worker runs the same .ts sources
// under tsx, vitest or plain node, then starts the exhaustive-search worker.
import { register } from 'tsx/esm/api';

register();
await import('./exhaustiveWorker.ts');
