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
      for (const e of events) expect(text).toMatch(new RegExp(`--> \\S+: ${e}( |$)`, 'm'));
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
});

describe('docs/diagrams.md', () => {
  it('is up to date with the generator (run `npm run diagrams`)', () => {
    expect(readFileSync(DIAGRAMS_PATH, 'utf8')).toBe(renderDiagrams());
  });
});
