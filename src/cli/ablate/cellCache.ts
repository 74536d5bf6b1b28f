// Cache of ablation cells on disk: a cell's result is reused when nothing it depends on changed: the sources of
// models/, properties/ and src/, the cell (scenario, switches, insider) and the search options.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalJson } from '../../engine/canonicalJson.ts';
import type { CellResult, CellSpec } from './AblationCell.ts';
import type { CellOptions } from './runCell.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function sourcesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourcesUnder(join(dir, e.name)) : /\.(ts|mjs)$/.test(e.name) ? [join(dir, e.name)] : []))
    .sort();
}

let sources: string | undefined;

/** Digest of every source the results depend on (computed once per process). */
export function sourcesDigest(): string {
  if (sources === undefined) {
    const hash = createHash('sha256');
    for (const f of ['models', 'properties', 'src'].flatMap((d) => sourcesUnder(join(root, d)))) {
      hash.update(relative(root, f).split('\\').join('/')).update('\0').update(readFileSync(f)).update('\0');
    }
    sources = hash.digest('hex');
  }
  return sources;
}

export class CellCache {
  constructor(private readonly dir: string | undefined) {}

  private file(spec: CellSpec, options: CellOptions): string | undefined {
    if (this.dir === undefined) return undefined;
    const key = createHash('sha256').update(`${sourcesDigest()}\n${canonicalJson(spec)}\n${canonicalJson(options)}`).digest('hex');
    return join(this.dir, `${key.slice(0, 32)}.json`);
  }

  get(spec: CellSpec, options: CellOptions): CellResult | undefined {
    const file = this.file(spec, options);
    if (file === undefined || !existsSync(file)) return undefined;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as CellResult;
    } catch {
      // A damaged cache entry is recomputed, never trusted.
      return undefined;
    }
  }

  put(result: CellResult, options: CellOptions): void {
    const file = this.file(result.spec, options);
    if (file === undefined) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(result));
  }
}
