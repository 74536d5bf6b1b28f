// Worker thread of `trecheck check`: rebuilds the plan from the same flags and runs the scenarios it claims
// (runJobsOnThreads), each as the main thread would (runCheckJob), posting each result back.
import { jobData, serveJobs } from '../threads/serveJobs.ts';
import { shareStepsInThisThread } from '../../xstate/MemoMachine.ts';
import { planCheck, type CheckFlags } from './planCheck.ts';
import { runCheckJob } from './runCheckJob.ts';

// A helper of a run: its jobs share their roles' XState steps, as the run's thread does (MemoMachine).
shareStepsInThisThread();
const { flags, recheck, twoThreads } = jobData<{ flags: CheckFlags; recheck: boolean; twoThreads: boolean }>();
const plan = planCheck(flags);
serveJobs((index) => runCheckJob(plan.jobs[index]!, plan.search, { recheck, twoThreads }));
