// What the main thread and its job threads share (runJobsOnThreads.ts, serveJobs.ts): the jobs are numbered
// 0..count-1 and every thread claims the next number from one shared cursor, so no job waits for a message.

/** A worker thread's `workerData` beside what startWorker adds. */
export interface JobThreadData {
  /** One Int32: the next job number to claim (Atomics.add). */
  readonly cursor: SharedArrayBuffer;
  readonly count: number;
  /** What the worker module needs to rebuild its jobs (plain data). */
  readonly data: unknown;
}

/** An error of a job, sent as plain fields: a structured clone keeps only the standard errors' names. */
export interface JobError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
}

/** What a worker posts for each job it ran. */
export type JobMessage<R> = { readonly index: number; readonly result: R } | { readonly index: number; readonly error: JobError };

export function jobError(error: unknown): JobError {
  if (error instanceof Error) return { name: error.name, message: error.message, ...(error.stack === undefined ? {} : { stack: error.stack }) };
  return { name: 'Error', message: String(error) };
}

/** The error again on the main thread, with its name (isStoreLimit reads it) and the worker's stack. */
export function errorOf(e: JobError): Error {
  const error = new Error(e.message);
  error.name = e.name;
  if (e.stack !== undefined) error.stack = e.stack;
  return error;
}
