// docs/model.md keeps up with the model: every state of every machine and every message kind is traced there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messageKinds } from '../../models/messages.ts';
import { roleMachines } from '../../models/roleMachines.ts';

const doc = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');

interface Node {
  readonly key: string;
  readonly states: Record<string, Node>;
}

function stateKeys(node: Node, out: string[] = []): string[] {
  for (const child of Object.values(node.states)) {
    out.push(child.key);
    stateKeys(child, out);
  }
  return out;
}

describe('docs/model.md', () => {
  for (const entry of roleMachines) {
    it(`names every state of ${entry.title} and its file`, () => {
      expect(doc).toContain(entry.file);
      for (const key of stateKeys(entry.machine.root as unknown as Node)) expect(doc).toMatch(new RegExp(`\\b${key}\\b`));
    });
  }

  it('names every message kind', () => {
    for (const kind of messageKinds) expect(doc).toMatch(new RegExp(`\\b${kind}\\b`));
  });
});
