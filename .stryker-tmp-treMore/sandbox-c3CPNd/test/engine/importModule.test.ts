// Under the CLI's bundle a module named by its source URL is imported from the bundle when the bundle has it as an
// entry; a source it does not cover, or any source outside a bundled run, is imported as it is.
import { describe, expect, it } from 'vitest';
import { bundledUrl, importModule, runningBundle } from '../../src/engine/importModule.ts';

const bundle = { root: 'file:///pkg/', entries: { 'src/engine/random/randomWorker.ts': 'randomWorker.mjs', 'src/cli/systems/x y.ts': 'xy.mjs' } };

describe('bundledUrl', () => {
  it('maps a source the bundle has to its bundled module, under dist/bundle/', () => {
    expect(bundledUrl('file:///pkg/src/engine/random/randomWorker.ts', bundle)).toBe('file:///pkg/dist/bundle/randomWorker.mjs');
    // A URL escapes spaces; the entries name paths.
    expect(bundledUrl('file:///pkg/src/cli/systems/x%20y.ts', bundle)).toBe('file:///pkg/dist/bundle/xy.mjs');
  });

  it('maps nothing else: another source, another package, or no bundle', () => {
    expect(bundledUrl('file:///pkg/test/engine/exhaustive/toySystems.ts', bundle)).toBeUndefined();
    expect(bundledUrl('file:///other/src/engine/random/randomWorker.ts', bundle)).toBeUndefined();
    expect(bundledUrl('file:///pkg/src/engine/random/randomWorker.ts', undefined)).toBeUndefined();
  });
});

describe('importModule outside a bundled run', () => {
  it('imports the module at the URL as it is', async () => {
    expect(runningBundle()).toBeUndefined();
    const module = (await importModule(new URL('../../src/engine/canonicalJson.ts', import.meta.url).href)) as { canonicalJson: (v: unknown) => string };
    expect(module.canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });
});
