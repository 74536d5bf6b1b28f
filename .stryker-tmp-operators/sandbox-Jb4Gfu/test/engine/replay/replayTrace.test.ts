// Replay of saved traces: reproduction, divergence, states that changed, live-actor cross-checks, bad files.
import { describe, expect, it } from 'vitest';
import { replayTrace } from '../../../src/engine/replay/replayTrace.ts';
import { parseTrace } from '../../../src/engine/replay/traceSchema.ts';
import { searchExhaustive } from '../../../src/engine/exhaustive/searchExhaustive.ts';
import type { System } from '../../../src/engine/System.ts';
import type { Trace } from '../../../src/engine/Trace.ts';
import { bigNeverFour, jugsSystem, type Jugs } from '../random/toySystems.ts';

function jugTrace(): Trace {
  const verdict = searchExhaustive(jugsSystem, [bigNeverFour]).verdicts[0]!.verdict;
  if (verdict.kind !== 'violated') throw new Error('the jug puzzle has a solution');
  return verdict.trace;
}

describe('replayTrace', () => {
  it('reproduces a saved violation after its last step, with the saved states', () => {
    const report = replayTrace(jugsSystem, bigNeverFour, jugTrace());
    expect(report.result).toMatchObject({ kind: 'reproduced', steps: 6, explanation: 'expected big != 4, actual big = 4' });
    expect(report.savedMismatch).toBeUndefined();
    expect(report.live).toBe('absent');
  });

  it('says where a trace diverges and what was enabled instead', () => {
    const trace = jugTrace();
    const edited = { ...trace, actions: ['EMPTY_BIG', ...trace.actions.slice(1)] };
    expect(replayTrace(jugsSystem, bigNeverFour, edited).result).toEqual({
      kind: 'diverged',
      step: 0,
      label: 'EMPTY_BIG',
      enabled: ['FILL_SMALL', 'FILL_BIG'],
    });
  });

  it('reports a trace that no longer violates, and one that violates earlier than saved', () => {
    const trace = jugTrace();
    const short = { ...trace, actions: trace.actions.slice(0, 3), states: trace.states.slice(0, 4) };
    expect(replayTrace(jugsSystem, bigNeverFour, short).result).toEqual({ kind: 'not-violated', steps: 3 });
    const longer = { ...trace, actions: [...trace.actions, 'EMPTY_SMALL'], states: [...trace.states, trace.states.at(-1)] };
    expect(replayTrace(jugsSystem, bigNeverFour, longer).result).toMatchObject({ kind: 'violated-earlier', steps: 6 });
  });

  it('flags a saved state that differs from the re-executed one', () => {
    const trace = jugTrace();
    const states = trace.states.map((s, i) => (i === 2 ? { small: 9, big: 9 } : s));
    const report = replayTrace(jugsSystem, bigNeverFour, { ...trace, states });
    expect(report.result.kind).toBe('reproduced');
    expect(report.savedMismatch).toMatchObject({ step: 2, expected: { small: 9, big: 9 } });
  });

  it('cross-checks live actors and reports the first state they disagree on', () => {
    // A stand-in for live actors: re-runs the pure step, with a fault injected from step 4 on.
    const live = (faultAt: number): System<Jugs, string> => ({
      ...(jugsSystem as unknown as System<Jugs, string>),
      liveReplay: (initial, actions) => {
        const views: unknown[] = [jugsSystem.describeState(initial)];
        let state = initial;
        actions.forEach((a, i) => {
          state = (jugsSystem as unknown as System<Jugs, string>).step(state, a);
          views.push(i + 1 >= faultAt ? { ...state, big: -1 } : jugsSystem.describeState(state));
        });
        return views;
      },
    });
    expect(replayTrace(live(99), bigNeverFour as never, jugTrace()).live).toEqual({ mismatch: undefined });
    expect(replayTrace(live(4), bigNeverFour as never, jugTrace()).live).toMatchObject({ mismatch: { step: 4, actual: { big: -1 } } });
  });
});

describe('parseTrace', () => {
  it('accepts what the engines save', () => {
    expect(parseTrace(JSON.stringify(jugTrace()))).toMatchObject({ ok: true });
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['a wrong format tag', JSON.stringify({ ...jugTrace(), format: 'other/1' }), /format/],
    ['a missing field', JSON.stringify({ ...jugTrace(), actions: undefined }), /actions/],
    ['states that do not match the actions', JSON.stringify({ ...jugTrace(), states: [] }), /6 actions need 7 states/],
  ])('rejects %s with one line naming the problem', (_what, text, message) => {
    const parsed = parseTrace(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toMatch(message);
      expect(parsed.error).not.toContain('\n');
    }
  });
});
