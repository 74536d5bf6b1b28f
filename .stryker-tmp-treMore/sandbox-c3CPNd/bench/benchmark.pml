/* The benchmark model (examples/benchmark/createBenchmark.ts) in Promela, for Spin's pan: one MCIM lifecycle
 * (TR 33.812 004 5.1.1.1), a provisioning server that answers any request ever sent while it has served fewer
 * than MAXP messages, and a network that delivers any provisioning message ever sent whose nonce matches the
 * waiting request. One process whose every step is one d_step from the loop's head, so a stored state is one
 * valuation of the variables below, as a packed state of the engine is: 1,648,572 states at MAXP=6.
 * The two invariants are asserted after every step; run pan with -c0 (go on past violations, as the engine's
 * search does to reach every state). Build: spin -a -DMAXP=6 bench/benchmark.pml; cc -O2 -DSAFETY -DNOREDUCE
 * -DMEMLIM=8192 -o pan pan.c; ./pan -c0 -m10000000. */
#ifndef MAXP
#define MAXP 6
#endif

/* cred: 0 no MCIM yet, else the lifecycle state. */
#define NONE 0
#define INSTALLED 1
#define ACTIVATED 2
#define SELECTED 3
#define BLOCKED 4
#define RETIRED 5
#define DELETED 6

byte cred = NONE;
bit dup = 0;
bit waiting = 0;
byte nonce = 0;     /* nonce of the last request, 0..2 */
byte requested = 0; /* set of nonces ever requested, bits 0..2 */
byte plen = 0;      /* provisioning messages served */
byte prov[MAXP];    /* nonce each served message answers, by serial */
byte installed = 0; /* serials ever installed, bits 0..MAXP-1 */

#define FREE (cred == NONE || cred == DELETED)
#define POPCOUNT(x) (((x) & 1) + (((x) >> 1) & 1) + (((x) >> 2) & 1) + (((x) >> 3) & 1) + (((x) >> 4) & 1) + (((x) >> 5) & 1) + (((x) >> 6) & 1) + (((x) >> 7) & 1))
/* benchmark.notDup and benchmark.notDupThreeInstalledSelected, checked in the state a step reaches. */
#define CHECK assert(!dup); assert(!(dup && POPCOUNT(installed) == 3 && cred == SELECTED))

#define SERVE(n) :: d_step { plen < MAXP && (requested & (1 << n)) -> prov[plen] = n; plen++; CHECK }
#define INSTALL(k) :: d_step { k < MAXP && FREE && waiting && k < plen && prov[k] == nonce -> \
                        dup = dup | ((installed >> k) & 1); installed = installed | (1 << k); \
                        cred = INSTALLED; waiting = 0; CHECK }

active proctype benchmark() {
end:
  do
  /* 004 5.1.1.1: the lifecycle, as mcimLifecycleMachine allows. */
  :: d_step { cred == INSTALLED -> cred = ACTIVATED; CHECK }  /* ACTIVATE */
  :: d_step { cred == ACTIVATED -> cred = SELECTED; CHECK }   /* SELECT */
  :: d_step { cred == SELECTED -> cred = ACTIVATED; CHECK }   /* END_SESSION */
  :: d_step { (cred == INSTALLED || cred == ACTIVATED) -> cred = BLOCKED; CHECK }  /* BLOCK */
  :: d_step { cred == BLOCKED -> cred = ACTIVATED; CHECK }    /* UNBLOCK */
  :: d_step { (cred == ACTIVATED || cred == BLOCKED) -> cred = RETIRED; CHECK }  /* RETIRE */
  :: d_step { (cred == INSTALLED || cred == ACTIVATED || cred == BLOCKED || cred == RETIRED) -> cred = DELETED; CHECK }  /* DELETE */
  /* START: a new request with the next nonce; it stays on the network for good. */
  :: d_step { FREE -> nonce = (nonce + 1) % 3; requested = requested | (1 << nonce); waiting = 1; CHECK }
  SERVE(0)
  SERVE(1)
  SERVE(2)
  INSTALL(0)
  INSTALL(1)
  INSTALL(2)
  INSTALL(3)
  INSTALL(4)
  INSTALL(5)
  od
}
