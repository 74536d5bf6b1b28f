// The `--max-bytes` option of the text commands: the largest input file they read (default 16 MiB).
import { defaultMaxBytes } from '../text/readSourceText.ts';
import { parseCount } from './parseCount.ts';

export const maxBytesFlags = '--max-bytes <n>';
export const maxBytesHelp = `largest input file to read, in bytes (default ${defaultMaxBytes}, 16 MiB)`;

/** The limit the user gave, checked; undefined means the default. */
export const parseMaxBytes = (raw: string | undefined): number | undefined => parseCount('--max-bytes', raw, 1);
