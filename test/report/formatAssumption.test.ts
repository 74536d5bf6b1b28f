// formatAssumption: the sentence a search line and a report note give for a reduction made on a checked assumption.
import { describe, expect, it } from 'vitest';
import { formatAssumption } from '../../src/report/formatAssumption.ts';

describe('formatAssumption', () => {
  it('says nothing for a system that makes no such reduction', () => {
    expect(formatAssumption(undefined)).toBe('');
  });

  it('says whether the assumption held, broke (naming the step, and that the search was redone) or was not made', () => {
    expect(formatAssumption({ name: 'kept relays', outcome: 'held' })).toBe('kept relays: assumed, and held at every step');
    expect(formatAssumption({ name: 'kept relays', outcome: 'broken', brokenBy: 'm2me relays mcimDownload in "Operational" and not alike in "Booting"' })).toBe(
      'kept relays: assumed, broken (m2me relays mcimDownload in "Operational" and not alike in "Booting"), searched again without',
    );
    expect(formatAssumption({ name: 'kept relays', outcome: 'not-made' })).toBe('kept relays: not assumed on several threads');
  });
});
