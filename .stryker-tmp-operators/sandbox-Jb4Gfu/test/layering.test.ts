// Data flows one way (scenario -> world -> engine -> verdict -> report): the engine imports nothing from models/ or
// properties/, models/ import nothing from properties/, and no module imports itself through others.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((f) => {
    const p = join(dir, f);
    return statSync(join(root, p)).isDirectory() ? sources(p) : p.endsWith('.ts') ? [normalize(p)] : [];
  });
}

const files = ['models', 'properties', 'src', 'examples', 'scripts'].flatMap(sources);
const imports = new Map(
  files.map((f) => [
    f,
    ts.preProcessFile(readFileSync(join(root, f), 'utf8'), true, false).importedFiles
      .map((i) => i.fileName)
      .filter((n) => n.startsWith('.'))
      .map((n) => normalize(relative(root, join(root, dirname(f), n)))),
  ]),
);

const edges = (from: string, to: string): string[] =>
  [...imports].flatMap(([f, ds]) => (f.startsWith(from) ? ds.filter((d) => d.startsWith(to)).map((d) => `${f} -> ${d}`) : []));

/** Strongly connected components of more than one module (Tarjan). */
function cycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of imports.get(v) ?? []) {
      if (!imports.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      for (let w = stack.pop(); w !== undefined; w = w === v ? undefined : stack.pop()) comp.push(w);
      if (comp.length > 1) out.push(comp);
    }
  };
  for (const f of imports.keys()) if (!index.has(f)) visit(f);
  return out;
}

describe('imports', () => {
  it('reads the sources it judges', () => {
    expect(files).toContain(normalize('properties/index.ts'));
    expect(imports.get(normalize('properties/threats/ThreatCheck.ts'))).toContain(normalize('properties/WorldProperty.ts'));
  });

  it('keep models, the engine and properties in one direction', () => {
    expect(edges('models/', 'properties/')).toEqual([]);
    expect(edges('src/engine/', 'models/')).toEqual([]);
    expect(edges('src/engine/', 'properties/')).toEqual([]);
  });

  it('form no cycle', () => {
    expect(cycles()).toEqual([]);
  });
});
