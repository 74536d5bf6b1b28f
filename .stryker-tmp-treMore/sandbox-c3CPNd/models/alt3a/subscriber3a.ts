// The M2M subscriber: contracted with the old MNO, it asks the new MNO to take the subscription over (003
// 7.1.2.3.1.3 threat 1 "transferring M2M users to a new MNO that the subscriber has chosen"; a3a.f2).
import { emit, setup } from 'xstate';
import type { Term } from '../../src/attacker/Term.ts';
import { send3a, type Send3a } from './Message3a.ts';
import { changeRequestTerm } from './terms3a.ts';

export const subscriberMachine3a = setup({
  types: { context: {} as { readonly imsi: Term }, events: {} as { readonly type: 'CHANGE' }, emitted: {} as Send3a, input: {} as { readonly imsi: Term } },
}).createMachine({
  id: 'subscriber3a',
  context: ({ input }) => ({ imsi: input.imsi }),
  initial: 'WithOldMno',
  states: {
    WithOldMno: { on: { CHANGE: { target: 'ChangeRequested', actions: emit(({ context }) => send3a('contract', 'newMno', changeRequestTerm(context.imsi))) } } },
    ChangeRequested: {},
  },
});
