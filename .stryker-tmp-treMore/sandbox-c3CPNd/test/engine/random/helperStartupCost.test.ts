// The start-up cost of a helper, remembered per system for the rest of the process.
import { describe, expect, it } from 'vitest';
import { helperStartupCost, rememberHelperStartup, unmeasuredHelperStartupMs } from '../../../src/engine/random/helperStartupCost.ts';

const source = (config: unknown) => ({ module: 'file:///systems.ts', name: 'toy', config });

describe('helperStartupCost', () => {
  it('assumes the conservative figure until a helper of the system has run', () => {
    expect(helperStartupCost(source({ unseen: 1 }))).toBe(unmeasuredHelperStartupMs);
  });

  it('remembers the last start-up measured, per system and configuration', () => {
    rememberHelperStartup(source({ n: 1 }), { millis: 900, complete: true });
    rememberHelperStartup(source({ n: 1 }), { millis: 700, complete: true });
    expect(helperStartupCost(source({ n: 1 }))).toBe(700);
    expect(helperStartupCost(source({ n: 2 }))).toBe(unmeasuredHelperStartupMs);
  });

  it('raises it when a helper took longer without delivering, and never lowers it on such a bound', () => {
    rememberHelperStartup(source({ n: 3 }), { millis: 600, complete: true });
    rememberHelperStartup(source({ n: 3 }), { millis: 400, complete: false });
    expect(helperStartupCost(source({ n: 3 }))).toBe(600);
    rememberHelperStartup(source({ n: 3 }), { millis: 1500, complete: false });
    expect(helperStartupCost(source({ n: 3 }))).toBe(1500);
    rememberHelperStartup(source({ n: 4 }), { millis: 300, complete: false });
    expect(helperStartupCost(source({ n: 4 }))).toBe(unmeasuredHelperStartupMs);
  });
});
