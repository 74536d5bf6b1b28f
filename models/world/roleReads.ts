// Which roles' local states a predicate read (`roleSnapshot` tells each read here while a reading is recorded): a
// predicate of the roles' states gives one answer for all worlds that agree on the roles it read, which lets `onPart`
// keep answers per roles read instead of per tuple of every role (docs/engine.md "Properties memoised by the roles
// they read").

/** The reads being recorded (role, local id, in order; each role once), or undefined: none is. */
let reads: number[] | undefined;
/** Per role, whether `reads` has it already. */
let readRoles: boolean[] = [];

/** Tells a read of role `role` (cast index) in local state `local`. */
export function noteRoleRead(role: number, local: number): void {
  if (reads === undefined || readRoles[role] === true) return;
  readRoles[role] = true;
  reads.push(role, local);
}

/** `f()` and the roles it read, in the order of their first reads: role and local id, two numbers a read. */
export function recordRoleReads<T>(f: () => T): { readonly value: T; readonly reads: readonly number[] } {
  // A predicate may evaluate another (a property that steps a world): each recording is its own.
  const outer = reads;
  const outerRoles = readRoles;
  reads = [];
  readRoles = [];
  try {
    const value = f();
    return { value, reads };
  } finally {
    reads = outer;
    readRoles = outerRoles;
  }
}
