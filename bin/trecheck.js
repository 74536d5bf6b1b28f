#!/usr/bin/env node
// Runs the CLI: from its bundle (dist/bundle/trecheck.mjs, made by `npm ci` through the `prepare` script) while
// it is fresh (bin/freshBundle.js), which starts without compiling TypeScript; otherwise from the TypeScript
// sources through tsx's loader, with no build step. TRECHECK_FROM_SOURCES=1 always runs the sources.
import { freshBundle } from './freshBundle.js';

const bundle = process.env.TRECHECK_FROM_SOURCES === '1' ? undefined : freshBundle(new URL('../', import.meta.url));
if (bundle !== undefined) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
