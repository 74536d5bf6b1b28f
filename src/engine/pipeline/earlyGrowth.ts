// When the pipelined search's store grows its table: a growth of a table of millions of records takes the store
// thread a few hundred ms, in which it interns nothing and finds no state, so the search thread goes on only with the
// states found before it. Grown at three quarters full, as any table, the last growth of a 4-injection search came
// when some 80,000 states were left to expand, a third of what the growth took, and the search thread waited out the
// rest. The states waiting to be expanded are more earlier on (some 250,000 at three fifths full), so from three
// fifths on the store grows as soon as they would keep the search thread busy for half the growth or more, both
// judged from this search's own pace (docs/engine.md "The pipelined search").

/** Fill from which the store may grow early: the slots are then at most 1.25 times as many as growing at three
 *  quarters would have them (only when the search ends before those would have grown). */
export const earlyFill = 0.6;

/** Tables smaller than this grow when full, as ever: their growths take a few ms. */
export const earlyFrom = 1 << 20;

export interface GrowthPace {
  /** Records in the table, and its slots. */
  readonly records: number;
  readonly slots: number;
  /** States found and not yet expanded by the search thread. */
  readonly waiting: number;
  /** Milliseconds the search thread took a state of late (its wall time, waits included; 0: not measured yet), and
   *  the store a record at its last growth (Infinity: none timed yet). */
  readonly msPerState: number;
  readonly msPerRecord: number;
}

/** Whether the store grows its table now: a pace not measured yet (0, Infinity) never says so. */
export function growsEarly(pace: GrowthPace): boolean {
  return pace.records >= earlyFrom && pace.records >= pace.slots * earlyFill && pace.waiting * pace.msPerState >= 0.5 * pace.records * pace.msPerRecord;
}
