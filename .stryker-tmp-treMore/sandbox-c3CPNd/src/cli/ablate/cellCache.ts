// Cache of ablation cells on disk: a cell's result is reused when nothing it depends on changed: the sources of
// models/, properties/ and src/, the cell (scenario, switches, insider) and the search options.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sourcesDigest } from '../../package/sourcesDigest.ts';
import { canonicalJson } from '../../engine/canonicalJson.ts';
import type { CellResult, CellSpec } from './AblationCell.ts';
import type { CellOptions } from './runCell.ts';

/** Digest of every source the results depend on. */
export const sourcesDigestOfCells = (): string => sourcesDigest(['models', 'properties', 'src']) ?? '';

export class CellCache {
  constructor(private readonly dir: string | undefined) {}

  private file(spec: CellSpec, options: CellOptions): string | undefined {
    if (this.dir === undefined) return undefined;
    const key = createHash('sha256').update(`${sourcesDigestOfCells()}\n${canonicalJson(spec)}\n${canonicalJson(options)}`).digest('hex');
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
