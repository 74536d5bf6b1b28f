// Bundles the CLI (src/cli/main.ts and everything it imports, dependencies included) into one ES module,
// dist/bundle/trecheck.mjs, so `npx trecheck` starts without compiling TypeScript; bin/trecheck.js runs it while it
// is fresh and falls back to the sources through tsx otherwise. Run by `npm ci` / `npm install` (the `prepare`
// script) and before `npm pack`; says what it did on stderr (npm pack --json owns stdout). Plain JavaScript, so it
// needs nothing but esbuild (a devDependency, and tsx's own).
//
// Every `import.meta.url` of a source file is rewritten to that file's own URL (found from the bundle's), so what
// the sources resolve against their folder still resolves as from src/: worker threads boot from
// src/engine/workerBoot.mjs and load the .ts worker modules through tsx, registered systems name their .ts modules,
// and the package's root is found above src/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'bundle');
const outFile = join(outDir, 'trecheck.mjs');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.error('trecheck: esbuild is not installed; the CLI runs from its TypeScript sources (slower to start)');
  process.exit(0);
}

const ownUrls = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.(ts|mjs)$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const fromBundle = relative(outDir, args.path).split(sep).join('/');
      const contents = source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`);
      return { contents, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
    });
  },
};

mkdirSync(outDir, { recursive: true });
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: [join(root, 'src', 'cli', 'main.ts')],
  outfile: outFile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // CommonJS dependencies call require(): give the module one.
  banner: { js: "import { createRequire as __trecheckRequire } from 'node:module'; const require = __trecheckRequire(import.meta.url);" },
  // The boot file of worker threads registers tsx; the bundle itself never loads it.
  external: ['tsx', 'tsx/*'],
  plugins: [ownUrls],
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
});
// The sources the bundle was built from, relative to the package root: bin/trecheck.js runs the bundle only while
// none of them is newer than it.
const inputs = Object.keys(result.metafile.inputs)
  .filter((input) => !/(^|\/)node_modules\//.test(input))
  .map((input) => relative(root, join(root, input)).split(sep).join('/'));
writeFileSync(join(outDir, 'inputs.json'), `${JSON.stringify(inputs)}\n`);
console.error(`trecheck: bundled the CLI into ${relative(root, outFile)} (${inputs.length} sources)`);
