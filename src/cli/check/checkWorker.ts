// Worker thread of `trecheck check`: rebuilds the plan from the same flags and runs the scenarios it claims
// (runJobsOnThreads), each as the main thread would (runCheckJob), posting each result back.
import { jobData, serveJobs } from '../threads/serveJobs.ts';
import { planCheck, type CheckFlags } from './planCheck.ts';
import { runCheckJob } from './runCheckJob.ts';

const { flags, recheck, twoThreads } = jobData<{ flags: CheckFlags; recheck: boolean; twoThreads: boolean }>();
const plan = planCheck(flags);
serveJobs((index) => runCheckJob(plan.jobs[index]!, plan.search, { recheck, twoThreads }));
