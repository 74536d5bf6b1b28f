// Process exit codes: one meaning each, so CI and scripts can tell verdicts apart.
export const ExitCode = {
  /** Everything checked holds (exhaustively within the stated bound), or no defect found. */
  ok: 0,
  /** A property is violated, or the text has defects. */
  violated: 1,
  /** Bad input: flags, files, configurations. One error line on stderr. */
  badInput: 2,
  /** A limit (depth, states, time) cut the search short: nothing can be concluded. */
  inconclusive: 3,
  /** Random search only: no violation in the runs made, which is not a proof. */
  noViolationFound: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
