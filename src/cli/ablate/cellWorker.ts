// Worker thread of the ablation: runs the cells it claims (runJobsOnThreads) and posts each result back.
import type { CellSpec } from './AblationCell.ts';
import { runCell, type CellOptions } from './runCell.ts';
import { jobData, serveJobs } from '../threads/serveJobs.ts';

const { specs, options, twoThreads } = jobData<{ specs: readonly CellSpec[]; options: CellOptions; twoThreads: boolean }>();
serveJobs((index) => runCell(specs[index]!, options, twoThreads));
