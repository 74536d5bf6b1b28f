// The benchmark model of issue 3 (for comparing figures with other checkers): one MCIM lifecycle
// stepped through XState, a provisioning server that answers any request ever sent, and a network
// that delivers any provisioning message ever sent. The global state is packed into one 31-bit key.
import { mcimLifecycleEventTypes, mcimLifecycleMachine } from '../../models/mcimLifecycle.ts';
import { ReplayLog } from '../../src/attacker/ReplayLog.ts';
import { SentSet } from '../../src/attacker/SentSet.ts';
import { propertyId, type Invariant, type Property } from '../../src/engine/Property.ts';
import type { System } from '../../src/engine/System.ts';
import { MemoMachine, notEnabled } from '../../src/xstate/MemoMachine.ts';
import { liveBenchmarkReplay } from './liveBenchmarkReplay.ts';

/** Resolved configuration; user input is validated (with defaults) by benchmarkConfigSchema. */
export interface BenchmarkConfig {
  /** Provisioning messages the server sends at most (MAXP). */
  readonly maxP: number;
}

/** Packed state; actions are numbers: lifecycle events 0..6, START, SERVE(n), INSTALL(k). */
export type BenchmarkState = number;
export type BenchmarkAction = number;

const nonces = 3;
const lifecycleEvents = mcimLifecycleEventTypes.length;
const start = lifecycleEvents;
const serve0 = start + 1;
const install0 = serve0 + nonces;

export function createBenchmark(config: BenchmarkConfig): {
  system: System<BenchmarkState, BenchmarkAction>;
  properties: Property<BenchmarkState, BenchmarkAction>[];
} {
  const maxP = config.maxP;
  if (!Number.isInteger(maxP) || maxP < 0) throw new RangeError(`benchmark: maxP must be a non-negative integer, got ${maxP}`);
  // 004 5.1.1.1 lifecycle: XState decides every cred step, once per (local state, event).
  const cred = new MemoMachine(mcimLifecycleMachine);
  // Local ids are part of the packed key: number them canonically, so worker threads agree.
  cred.exploreAll(mcimLifecycleEventTypes);
  const eventIndex = mcimLifecycleEventTypes.map((type) => cred.eventIndex(type));
  const installedCred = cred.initial() + 1; // 0 encodes None: no MCIM instance yet
  const requestsSent = new SentSet(nonces);
  const provSent = new ReplayLog(nonces, maxP);

  // Field layout, low bits first.
  const dupBit = 1;
  const credShift = 1;
  const credMask = 7;
  const waitingBit = 1 << 4;
  const nonceShift = 5;
  const requestedShift = 7;
  const provShift = requestedShift + requestsSent.bits;
  const provMask = 2 ** provSent.bits - 1;
  const installedShift = provShift + provSent.bits;
  const totalBits = installedShift + maxP;
  if (totalBits > 31) throw new RangeError(`benchmark: ${totalBits} bits do not pack into 31`);

  const credOf = (s: number): number => (s >>> credShift) & credMask;
  const withCred = (s: number, c: number): number => (s & ~(credMask << credShift)) | (c << credShift);
  const credName = (c: number): string => (c === 0 ? 'None' : String(cred.snapshot(c - 1).value));
  const isNoneOrDeleted = (c: number): boolean => c === 0 || credName(c) === 'Deleted';
  const isSelected = (c: number): boolean => c !== 0 && credName(c) === 'Selected';
  if (mcimLifecycleEventTypes.length + 1 + nonces + maxP > 0xffff) throw new RangeError('benchmark: too many actions');

  const forEachSuccessor = (s: number, visit: (action: number, next: number) => void): void => {
    const c = (s >>> credShift) & credMask;
    if (c !== 0) {
      // 004 5.1.1.1: ACTIVATE, SELECT, END_SESSION, BLOCK, UNBLOCK, RETIRE, DELETE as the machine allows.
      for (let e = 0; e < lifecycleEvents; e++) {
        const next = cred.step(c - 1, eventIndex[e]!);
        if (next === notEnabled) continue;
        if (next + 1 > credMask) throw new RangeError('benchmark: the lifecycle machine has more than 7 local states');
        visit(e, (s & ~(credMask << credShift)) | ((next + 1) << credShift));
      }
    }
    const free = c === 0 || isNoneOrDeleted(c);
    const nonce = (s >>> nonceShift) & 3;
    const requested = (s >>> requestedShift) & 7;
    const prov = (s >>> provShift) & provMask;
    if (free) {
      // START: a new request with the next nonce; the request stays on the network for good.
      const n = (nonce + 1) % nonces;
      const r = requestsSent.add(requested, n);
      visit(start, (s & ~((3 << nonceShift) | (7 << requestedShift))) | waitingBit | (n << nonceShift) | (r << requestedShift));
    }
    // SERVE(n): the server answers any request ever sent (replay), while served < MAXP.
    if (provSent.length(prov) < maxP) {
      for (let n = 0; n < nonces; n++) {
        if (!requestsSent.has(requested, n)) continue;
        visit(serve0 + n, (s & ~(provMask << provShift)) | (provSent.append(prov, n) << provShift));
      }
    }
    // INSTALL(k): any provisioning message ever sent whose nonce matches is accepted again.
    if (free && (s & waitingBit) !== 0) {
      const served = provSent.length(prov);
      for (let k = 0; k < served; k++) {
        if (provSent.at(prov, k) !== nonce) continue;
        const installed = s >>> installedShift;
        const dup = (installed >>> k) & 1;
        const next = withCred(s & ~waitingBit, installedCred) | dup | (1 << (installedShift + k));
        visit(install0 + k, next);
      }
    }
  };

  const enabled = (s: number): number[] => {
    const actions: number[] = [];
    forEachSuccessor(s, (a) => void actions.push(a));
    return actions;
  };

  const step = (s: number, action: number): number => {
    let result = -1;
    forEachSuccessor(s, (a, next) => {
      if (a === action) result = next;
    });
    if (result < 0) throw new RangeError(`benchmark: action ${actionLabel(action)} is not enabled`);
    return result;
  };

  const actionLabel = (a: number): string => {
    if (a < lifecycleEvents) return mcimLifecycleEventTypes[a]!;
    if (a === start) return 'START';
    if (a < install0) return `SERVE(${a - serve0})`;
    return `INSTALL(${a - install0})`;
  };

  const installedSet = (s: number): number[] => {
    const out: number[] = [];
    for (let k = 0; k < maxP; k++) if ((s >>> (installedShift + k)) & 1) out.push(k);
    return out;
  };

  const system: System<BenchmarkState, BenchmarkAction> = {
    name: 'benchmark',
    config: { maxP },
    initialStates: () => [0],
    enabled,
    step,
    forEachSuccessor,
    key: (s) => s,
    actionLabel,
    liveReplay: (_initial, actions) => liveBenchmarkReplay(actions.map(actionLabel)),
    describeState: (s) => {
      const prov = (s >>> provShift) & provMask;
      return {
        cred: credName(credOf(s)),
        waiting: (s & waitingBit) !== 0,
        nonce: (s >>> nonceShift) & 3,
        served: provSent.length(prov),
        requested: requestsSent.members((s >>> requestedShift) & 7),
        prov: provSent.messages(prov),
        installed: installedSet(s),
        dup: (s & dupBit) !== 0,
      };
    },
  };

  const notDup: Invariant<BenchmarkState> = {
    kind: 'invariant',
    id: propertyId('benchmark.notDup'),
    description: 'no provisioning message is installed twice (safety)',
    holds: (s) => (s & dupBit) === 0,
    explain: (s) => `expected dup = false, actual: installed ${JSON.stringify(installedSet(s))} with a repeated serial`,
  };
  const notDupThreeSelected: Invariant<BenchmarkState> = {
    kind: 'invariant',
    id: propertyId('benchmark.notDupThreeInstalledSelected'),
    description: 'never dup with three serials installed while the MCIM is Selected (safety; a deep target)',
    holds: (s) => !((s & dupBit) !== 0 && installedSet(s).length === 3 && isSelected(credOf(s))),
    explain: (s) => `expected not (dup and |installed| = 3 and cred = Selected), actual: installed ${JSON.stringify(installedSet(s))}, cred ${credName(credOf(s))}`,
  };
  return { system, properties: [notDup, notDupThreeSelected] };
}
