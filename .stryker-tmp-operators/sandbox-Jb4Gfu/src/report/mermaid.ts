// Mermaid state diagrams generated from XState machine definitions (walking machine.root and its state
// nodes), so the diagrams in docs/ always show the machines as they are.
import type { AnyStateMachine } from 'xstate';

/** The parts of an XState StateNode this generator reads. */
interface NodeView {
  readonly id: string;
  readonly key: string;
  readonly type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  readonly states: Readonly<Record<string, NodeView>>;
  readonly initial?: { readonly target: readonly NodeView[] };
  readonly transitions: ReadonlyMap<string, readonly TransitionView[]>;
  readonly parent?: NodeView;
}

interface TransitionView {
  readonly eventType: string;
  readonly target?: readonly NodeView[];
  readonly guard?: unknown;
}

const safe = (id: string): string => id.replace(/[^A-Za-z0-9_]/g, '_');

function guardLabel(guard: unknown): string {
  if (typeof guard === 'string') return ` [${guard}]`;
  if (guard !== undefined) return ' [guarded]';
  return '';
}

/** Transition lines grouped by the id of the composite state whose block must hold them ('' for top level):
 *  Mermaid wants a transition between nested states inside the block of their common ancestor. */
type Placed = Map<string, { readonly source: string; readonly line: string }[]>;

function ancestors(node: NodeView): NodeView[] {
  const out: NodeView[] = [];
  for (let p = node.parent; p !== undefined; p = p.parent) out.push(p);
  return out;
}

function containerOf(source: NodeView, target: NodeView): string {
  const targetAncestors = new Set(ancestors(target).map((n) => n.id));
  return ancestors(source).find((a) => targetAncestors.has(a.id))?.id ?? '';
}

function placeTransitions(node: NodeView, placed: Placed): void {
  for (const [eventType, list] of node.transitions) {
    for (const t of list) {
      const label = `${eventType}${guardLabel(t.guard)}`;
      // A targetless transition (relay, context update) stays in its state: drawn as a self-loop.
      const targets = t.target !== undefined && t.target.length > 0 ? t.target : [node];
      for (const target of targets) {
        const where = containerOf(node, target);
        const edge = `${safe(node.id)} --> ${safe(target.id)}`;
        const list = placed.get(where) ?? [];
        // Mermaid draws parallel edges on top of each other: one edge per pair of states, labels stacked.
        const i = list.findIndex((t) => t.line.startsWith(`${edge}: `));
        if (i >= 0) list[i] = { source: node.id, line: `${list[i]!.line}<br/>${label}` };
        else list.push({ source: node.id, line: `${edge}: ${label}` });
        placed.set(where, list);
      }
    }
  }
  for (const child of Object.values(node.states)) placeTransitions(child, placed);
}

function emitNode(node: NodeView, indent: string, lines: string[], placed: Placed): void {
  const children = Object.values(node.states);
  for (const child of children) {
    const name = safe(child.id);
    lines.push(`${indent}state "${child.key}" as ${name}`);
    if (child.type === 'final') lines.push(`${indent}${name} --> [*]`);
    if (Object.keys(child.states).length > 0) {
      lines.push(`${indent}state ${name} {`);
      emitChildren(child, `${indent}  `, lines, placed);
      lines.push(`${indent}}`);
    }
  }
}

function emitChildren(node: NodeView, indent: string, lines: string[], placed: Placed): void {
  let rest = placed.get(node.id) ?? [];
  if (node.type === 'parallel') {
    // Regions of a parallel state, separated by Mermaid's concurrency marker. A transition of a region
    // node must stay in that region's section: Mermaid fails to render one placed after the last marker.
    Object.values(node.states).forEach((region, i) => {
      if (i > 0) lines.push(`${indent}--`);
      const name = safe(region.id);
      lines.push(`${indent}state "${region.key}" as ${name}`);
      lines.push(`${indent}state ${name} {`);
      emitChildren(region, `${indent}  `, lines, placed);
      lines.push(`${indent}}`);
      const inRegion = (source: string): boolean => source === region.id || source.startsWith(`${region.id}.`);
      for (const t of rest.filter((t) => inRegion(t.source))) lines.push(`${indent}${t.line}`);
      rest = rest.filter((t) => !inRegion(t.source));
    });
  } else {
    const first = node.initial?.target[0];
    if (first !== undefined) lines.push(`${indent}[*] --> ${safe(first.id)}`);
    emitNode(node, indent, lines, placed);
  }
  for (const t of rest) lines.push(`${indent}${t.line}`);
}

/** A Mermaid `stateDiagram-v2` of `machine`: every state node (nested and parallel regions included) and
 *  every transition labelled with its event type and guard name. */
export function machineToMermaid(machine: AnyStateMachine): string {
  const root = machine.root as unknown as NodeView;
  const lines = ['stateDiagram-v2'];
  const name = safe(root.id);
  // The root is drawn as a composite named after the machine, so root-level transitions have a source.
  lines.push(`  state "${root.id}" as ${name}`);
  lines.push(`  [*] --> ${name}`);
  const placed: Placed = new Map();
  placeTransitions(root, placed);
  lines.push(`  state ${name} {`);
  emitChildren(root, '    ', lines, placed);
  lines.push('  }');
  for (const t of placed.get('') ?? []) lines.push(`  ${t.line}`);
  return `${lines.join('\n')}\n`;
}
