// The `--max-memory` option of the searching commands: the memory an exhaustive search may hold before it stops,
// inconclusive (limit 'memory', exit 3), with what it explored. Without it the budget is 85% of the machine's or the
// container's memory (ExhaustiveOptions). Counted as the search counts it: its thread's V8 heap in use and every
// array buffer outside it (the stores), at most 1,024 states apart; on two threads each thread against it.
import { parseBytes } from './parseCount.ts';

export const maxMemoryFlags = '--max-memory <size>';
export const maxMemoryHelp =
  "exhaustive search: stop (inconclusive) once its heap and stores pass this size, in bytes or with K, M, G (for example 4G; default 85% of the machine's or the container's memory)";

/** The budget the user gave, checked; undefined means the default. */
export const parseMaxMemory = (raw: string | undefined): number | undefined => parseBytes('--max-memory', raw);
