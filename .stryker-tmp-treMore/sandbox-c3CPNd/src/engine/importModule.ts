// Imports a module named by the URL of its source: from the CLI's bundle when this process runs from it and the
// bundle has that module as an entry (dist/bundle/entries.json, set by bin/trecheck.js or, in a worker thread, by
// workerBoot.mjs), else the source itself, through tsx when this process has not registered it yet. Worker threads
// name the modules they load (their own, a system's) by source URL; this keeps them off tsx under the bundle.

/** What bin/trecheck.js (and workerBoot.mjs in a worker) sets when running from the bundle. */
export interface BundleEntries {
  /** The package root, a folder URL. */
  readonly root: string;
  /** Source path from the root -> bundled module, relative to dist/bundle/. */
  readonly entries: Readonly<Record<string, string>>;
}

const bundleKey = Symbol.for('trecheck.bundle');
let tsxRegistered = false;

/** The bundle this process runs from, if it does. */
export function runningBundle(): BundleEntries | undefined {
  return (globalThis as { [bundleKey]?: BundleEntries })[bundleKey];
}

/** The bundled module of the source at `url`, if the bundle this process runs from has it. */
export function bundledUrl(url: string, bundle: BundleEntries | undefined = runningBundle()): string | undefined {
  if (bundle === undefined || !url.startsWith(bundle.root)) return undefined;
  const entry = bundle.entries[decodeURI(url.slice(bundle.root.length))];
  return entry === undefined ? undefined : new URL(`dist/bundle/${entry}`, bundle.root).href;
}

export async function importModule(url: string): Promise<unknown> {
  const bundle = runningBundle();
  if (bundle === undefined) return import(url);
  const bundled = bundledUrl(url, bundle);
  if (bundled !== undefined) return import(bundled);
  if (url.endsWith('.ts') && !tsxRegistered) {
    // A source no entry covers (a test's system, say): load TypeScript for it.
    const { register } = await import('tsx/esm/api');
    register();
    tsxRegistered = true;
  }
  return import(url);
}
