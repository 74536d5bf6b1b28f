// Mermaid diagrams generated from the XState definitions show every state and every event of each machine,
// and docs/diagrams.md is what the generator writes today.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { roleMachines } from '../../models/roleMachines.ts';
import { machineToMermaid } from '../../src/report/mermaid.ts';
import { DIAGRAMS_PATH, renderDiagrams } from '../../scripts/diagrams.ts';

interface Node {
  readonly key: string;
  readonly states: Record<string, Node>;
  readonly transitions: Map<string, unknown[]>;
}

function walk(node: Node, states: Set<string>, events: Set<string>): void {
  for (const type of node.transitions.keys()) events.add(type);
  for (const child of Object.values(node.states)) {
    states.add(child.key);
    walk(child, states, events);
  }
}

describe('machineToMermaid', () => {
  for (const entry of roleMachines) {
    it(`shows every state and event of ${entry.title}`, () => {
      const text = machineToMermaid(entry.machine);
      const states = new Set<string>();
      const events = new Set<string>();
      walk(entry.machine.root as unknown as Node, states, events);
      expect(states.size).toBeGreaterThan(0);
      expect(events.size).toBeGreaterThan(0);
      for (const s of states) expect(text).toContain(`state "${s}" as `);
      for (const e of events) expect(text).toMatch(new RegExp(`--> \\S+: (.*<br/>)?${e}( |<br/>|$)`, 'm'));
    });
  }

  it('draws nested states inside their parent and parallel regions separated', () => {
    const m = setup({}).createMachine({
      id: 'demo',
      type: 'parallel',
      states: {
        A: { initial: 'a1', states: { a1: { on: { GO: 'a2' } }, a2: {} } },
        B: { initial: 'b1', states: { b1: { on: { STAY: {} } } } },
      },
    });
    const text = machineToMermaid(m);
    expect(text).toContain('state demo_A {');
    expect(text).toContain('--');
    expect(text).toContain('demo_A_a1 --> demo_A_a2: GO');
    expect(text).toContain('demo_B_b1 --> demo_B_b1: STAY');
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
  });

  it("keeps a region's own transitions in that region's section, where Mermaid can render them", () => {
    const m = setup({}).createMachine({
      id: 'demo',
      type: 'parallel',
      states: {
        A: { initial: 'a1', on: { PING: {} }, states: { a1: {} } },
        B: { initial: 'b1', states: { b1: {} } },
      },
    });
    const lines = machineToMermaid(m).split('\n').map((l) => l.trim());
    const marker = lines.indexOf('--');
    const loop = lines.indexOf('demo_A --> demo_A: PING');
    expect(loop).toBeGreaterThan(lines.indexOf('state demo_A {'));
    expect(loop).toBeLessThan(marker);
  });

  it('draws one edge per pair of states, with the labels of every transition between them', () => {
    const m = setup({}).createMachine({
      id: 'demo',
      initial: 'a',
      states: { a: { on: { X: 'b', Y: 'b', Z: {} } }, b: {} },
    });
    const text = machineToMermaid(m);
    expect(text).toContain('demo_a --> demo_b: X<br/>Y');
    expect(text.match(/demo_a --> demo_b/g)).toHaveLength(1);
    expect(text).toContain('demo_a --> demo_a: Z');
  });
});

describe('docs/diagrams.md', () => {
  it('is up to date with the generator (run `npm run diagrams`)', () => {
    expect(readFileSync(DIAGRAMS_PATH, 'utf8')).toBe(renderDiagrams());
  });
});
