// A weakened requirement: "shall"/"must" made "should"/"may" in place; other modal changes are not.
import { describe, expect, it } from 'vitest';
import { weakenedModals } from '../../src/text/weakenedModal.ts';

describe('weakenedModals', () => {
  it('finds "shall" -> "may" and "must" -> "should" at their place among the modal verbs', () => {
    expect(weakenedModals('A TRE shall check X and must log Y.', 'A TRE may check X and should log Y.')).toEqual([
      { from: 'shall', to: 'may' },
      { from: 'must', to: 'should' },
    ]);
  });

  it('does not call "should" -> "may", a strengthening, or a rewritten sentence weakened', () => {
    expect(weakenedModals('The TE should support it.', 'The TE may support it.')).toEqual([]);
    expect(weakenedModals('The TE should support it.', 'The TE shall support it.')).toEqual([]);
    expect(weakenedModals('The TE shall support it.', 'The TE may, and should, support it.')).toEqual([]);
    expect(weakenedModals('Shall the TE?', 'SHALL the TE?')).toEqual([]);
  });
});
