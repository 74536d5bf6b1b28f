// Bundles the CLI (src/cli/main.ts and everything it imports, dependencies included) into ES modules under
// dist/bundle/, so `npx trecheck` starts without compiling TypeScript: trecheck.mjs, the worker threads' modules
// and the registered systems' modules (which worker threads load by URL) as entries, their shared code in
// chunks. bin/trecheck.js runs it while it is fresh and falls back to the sources through tsx otherwise. Run by
// `npm ci` / `npm install` (the `prepare` script) and before `npm pack`; says what it did on stderr (npm pack
// --json owns stdout). Plain JavaScript, so it needs nothing but esbuild (a devDependency, and tsx's own).
//
// Every `import.meta.url` of a source file is rewritten to that file's own URL (found from the bundle's: every
// output lies in dist/bundle/), so what the sources resolve against their folder still resolves as from src/:
// worker modules and registered systems are named by their .ts URLs, and dist/bundle/entries.json maps those
// to the bundled entries (src/engine/importModule.ts, src/engine/workerBoot.mjs); the package's root is found
// above src/.
import { mkdirSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'bundle');
const toPosix = (path) => path.split(sep).join('/');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.error('trecheck: esbuild is not installed; the CLI runs from its TypeScript sources (slower to start)');
  process.exit(0);
}

/** Output name -> source: the CLI, the modules worker threads start, and the modules registered systems name. */
const entries = {
  trecheck: 'src/cli/main.ts',
  exhaustiveWorker: 'src/engine/parallel/exhaustiveWorker.ts',
  storeWorker: 'src/engine/pipeline/storeWorker.ts',
  sharedExhaustiveHelper: 'src/engine/parallel/sharedExhaustiveHelper.ts',
  randomWorker: 'src/engine/random/randomWorker.ts',
  cellWorker: 'src/cli/ablate/cellWorker.ts',
  checkWorker: 'src/cli/check/checkWorker.ts',
  systems: 'src/cli/systems.ts',
  worldSystemEntry: 'src/cli/systems/worldSystemEntry.ts',
  benchmarkSystem: 'src/cli/systems/benchmarkSystem.ts',
  needhamSchroederSystems: 'src/cli/systems/needhamSchroederSystems.ts',
  // The benchmarks' child process of a first search (bench/runFirstSearch.mjs runs it as a user's CLI runs).
  firstSearchProcess: 'bench/firstSearchProcess.ts',
};

const ownUrls = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.(ts|mjs)$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const fromRoot = toPosix(relative(root, args.path));
      const contents = source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromRoot)}, new URL("../../", import.meta.url)).href`);
      return { contents, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
    });
  },
};

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(Object.entries(entries).map(([name, source]) => [name, join(root, source)])),
  outdir: outDir,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // CommonJS dependencies call require(): give each module one.
  banner: { js: "import { createRequire as __trecheckRequire } from 'node:module'; const require = __trecheckRequire(import.meta.url);" },
  // tsx is loaded only to run a source no entry covers (src/engine/importModule.ts), never bundled.
  external: ['tsx', 'tsx/*'],
  plugins: [ownUrls],
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
  // TRECHECK_BUNDLE_PLAIN=1 keeps the lines, so that a CPU profile of the bundle names them (docs/engine.md).
  minifyWhitespace: process.env.TRECHECK_BUNDLE_PLAIN !== '1',
  minifySyntax: true,
});
// Source of each entry -> its bundled module, relative to dist/bundle/.
const bundled = Object.fromEntries(Object.entries(entries).map(([name, source]) => [source, `${name}.mjs`]));
writeFileSync(join(outDir, 'entries.json'), `${JSON.stringify(bundled)}\n`);
// The sources the bundle was built from, relative to the package root: bin/trecheck.js runs the bundle only while
// none of them is newer than it. Written last: until it exists the bundle is not used.
const inputs = Object.keys(result.metafile.inputs)
  .filter((input) => !/(^|\/)node_modules\//.test(input))
  .map((input) => toPosix(relative(root, join(root, input))));
writeFileSync(join(outDir, 'inputs.json'), `${JSON.stringify(inputs)}\n`);
console.error(`trecheck: bundled the CLI into ${toPosix(relative(root, outDir))}/ (${Object.keys(entries).length} entries, ${inputs.length} sources)`);
