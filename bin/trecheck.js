#!/usr/bin/env node
// Runs the CLI: from its bundle (dist/bundle/, made by `npm ci` through the `prepare` script) while it is fresh
// (bin/freshBundle.js), which starts without compiling TypeScript; otherwise from the TypeScript sources through
// tsx's loader, with no build step. TRECHECK_FROM_SOURCES=1 always runs the sources.
import { readFileSync } from 'node:fs';
import module from 'node:module';
import { freshBundle } from './freshBundle.js';

const root = new URL('../', import.meta.url);

/** The bundled modules of worker threads and registered systems, by source (src/engine/importModule.ts). */
function bundleEntries() {
  try {
    return JSON.parse(readFileSync(new URL('dist/bundle/entries.json', root), 'utf8'));
  } catch {
    return undefined;
  }
}

// `trecheck --version` alone prints the package's version as the CLI does (src/cli/main.ts, packageVersion), without
// loading the CLI: its modules take most of the start-up.
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).version}\n`);
  process.exit(0);
}

// Node 22.1 and later keep V8's compiled code of the modules loaded here between runs (in the system's temporary
// folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off): on Node 24, `--help` 0.32 -> 0.26-0.29 s. Node 20 has none.
module.enableCompileCache?.();

const bundle = process.env.TRECHECK_FROM_SOURCES === '1' ? undefined : freshBundle(root);
const entries = bundle === undefined ? undefined : bundleEntries();
if (bundle !== undefined && entries !== undefined) {
  globalThis[Symbol.for('trecheck.bundle')] = { root: root.href, entries };
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
