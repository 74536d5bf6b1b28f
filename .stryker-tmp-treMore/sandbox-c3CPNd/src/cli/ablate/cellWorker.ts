// Worker thread of the ablation: runs the cells it is sent, one at a time, and posts each result back.
import { parentPort, workerData } from 'node:worker_threads';
import type { CellSpec } from './AblationCell.ts';
import { runCell, type CellOptions } from './runCell.ts';

const options = (workerData as { options: CellOptions }).options;
parentPort!.on('message', (message: { index: number; spec: CellSpec } | 'stop') => {
  if (message === 'stop') {
    parentPort!.close();
    return;
  }
  parentPort!.postMessage({ index: message.index, result: runCell(message.spec, options) });
});
