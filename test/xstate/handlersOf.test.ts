// handlersOf: the definitions a snapshot would try for an event type, compared as strings.
import { describe, expect, it } from 'vitest';
import { createMachine, setup } from 'xstate';
import { handlersOf } from '../../src/xstate/handlersOf.ts';

const machine = setup({ guards: { fromNet: () => true }, actions: { relay: () => {} } }).createMachine({
  id: 'host',
  initial: 'Off',
  on: { ping: { actions: 'relay' } },
  states: {
    Off: { on: { start: { target: 'On' } } },
    On: { on: { data: { guard: 'fromNet', actions: 'relay' }, stop: { target: 'Off' } } },
    Busy: { on: { data: { guard: 'fromNet', actions: 'relay' } } },
    Other: { on: { data: { guard: 'fromNet', actions: 'relay', target: 'Off' } } },
    Inline: { on: { data: { guard: () => true, actions: 'relay' } } },
  },
});
const at = (value: string) => machine.resolveState({ value, context: {} });

describe('handlersOf', () => {
  it('is empty where no state node handles the type, and names the guard, actions and targets where one does', () => {
    expect(handlersOf(machine, at('Off'), 'data')).toBe('');
    expect(handlersOf(machine, at('On'), 'data')).toBe('"fromNet">"relay">>false');
  });

  it('is equal for equal definitions in different state nodes, and differs with a target or an inline guard', () => {
    expect(handlersOf(machine, at('Busy'), 'data')).toBe(handlersOf(machine, at('On'), 'data'));
    expect(handlersOf(machine, at('Other'), 'data')).not.toBe(handlersOf(machine, at('On'), 'data'));
    expect(handlersOf(machine, at('Inline'), 'data')).not.toBe(handlersOf(machine, at('On'), 'data'));
  });

  it('includes the handlers of the ancestors, the root\'s last', () => {
    expect(handlersOf(machine, at('Off'), 'ping')).toBe('>"relay">>false');
    expect(handlersOf(machine, at('On'), 'ping')).toBe(handlersOf(machine, at('Off'), 'ping'));
  });

  it('walks every region of a parallel state', () => {
    const parallel = createMachine({
      id: 'p',
      type: 'parallel',
      states: { A: { initial: 'a', states: { a: { on: { go: { target: 'a' } } } } }, B: { initial: 'b', states: { b: { on: { go: { target: 'b' } } } } } },
    });
    expect(handlersOf(parallel, parallel.resolveState({ value: { A: 'a', B: 'b' }, context: {} }), 'go')).toBe('>>p.A.a>false;>>p.B.b>false');
  });
});
