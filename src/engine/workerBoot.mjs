// Worker thread entry of every parallel search: registers the TypeScript loader (tsx), so workers run
// the same .ts sources under tsx, vitest or plain node, then starts the worker module named by startWorker.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
