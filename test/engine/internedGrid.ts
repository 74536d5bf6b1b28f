// A toy system whose states live in a RecordTable with a ceiling the test chooses, as the TR world's worlds live in
// one with a ceiling of 2^31 bytes: for the tests of a store at its ceiling (exhaustive and random search).
import type { System } from '../../src/engine/System.ts';
import { RecordTable } from '../../src/packing/RecordTable.ts';

/** Pairs (x, y) in [0, n]^2, stepped by +1 on either; every state interned as a record of two bytes, its key the
 *  record's offset (compact keys, as the TR world's), so each new state grows the pool by three bytes. */
export function internedGrid(n: number, maxPoolBytes: number, compactKeys: boolean): System<number, 'x' | 'y'> {
  const table = new RecordTable({ maxPoolBytes });
  const scratch = new Uint8Array(2);
  const intern = (x: number, y: number): number => {
    scratch[0] = x;
    scratch[1] = y;
    return table.intern(scratch, 2);
  };
  const coordinates = (at: number): [number, number] => {
    const [x, y] = table.body(at);
    return [x!, y!];
  };
  const step = (at: number, action: 'x' | 'y'): number => {
    const [x, y] = coordinates(at);
    return action === 'x' ? intern(x + 1, y) : intern(x, y + 1);
  };
  const enabled = (at: number): ('x' | 'y')[] => {
    const [x, y] = coordinates(at);
    return [...(x < n ? ['x' as const] : []), ...(y < n ? ['y' as const] : [])];
  };
  return {
    name: 'interned-grid',
    config: { n, maxPoolBytes },
    initialStates: () => [intern(0, 0)],
    enabled,
    step,
    key: (at) => at,
    ...(compactKeys
      ? {
          compactKeys: true,
          stateOfKey: (key: number) => key,
          forEachSuccessorKey: (at: number, visit: (action: 'x' | 'y', key: number) => void) => {
            for (const action of enabled(at)) visit(action, step(at, action));
          },
        }
      : {}),
    actionLabel: (action) => action,
    describeState: (at) => coordinates(at),
  };
}
