// How the benchmarks start a first search's child process (bench/firstSearchProcess.ts): through
// bench/runFirstSearch.mjs, which runs it from the CLI's bundle while that is fresh, as `npx trecheck` runs its
// searches (the store thread of a search on two threads then starts in some 70 ms, against some 270 ms through tsx),
// and from the sources through tsx otherwise; the figures say which.
// @ts-expect-error: plain JavaScript, without declarations.
import { freshBundle } from '../bin/freshBundle.js';

/** The child's command line for these arguments of firstSearchProcess.ts. */
export function firstSearchArgv(args: readonly string[]): string[] {
  return [process.execPath, 'bench/runFirstSearch.mjs', ...args];
}

/** Where the children's code comes from now: the bundle, or the sources. */
export function firstSearchFrom(): 'bundle' | 'sources' {
  return (freshBundle as (root: URL) => URL | undefined)(new URL('..', import.meta.url)) === undefined ? 'sources' : 'bundle';
}

/** The same, as the reports say it. */
export function codeFromLine(from: 'bundle' | 'sources'): string {
  return from === 'bundle' ? 'bundle (dist/bundle, fresh)' : 'TypeScript sources through tsx (no fresh bundle)';
}
