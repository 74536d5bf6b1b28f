// What a machine would try with an event type in a snapshot, as written in its definition: the transitions of each
// active state node for that type, from each active leaf up to the root (the order XState selects in), each with its
// guard, actions, targets and re-entry. Two snapshots with equal handlers for a type run the same definitions on every
// event of it; they treat it alike where those read the event alone (the caller's audit, e.g. models/roles/m2me.ts).
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';

interface NodeLike {
  readonly id: string;
  readonly parent?: NodeLike;
  readonly states: Readonly<Record<string, NodeLike>>;
  readonly transitions: ReadonlyMap<string, readonly DefinitionLike[]>;
}

interface DefinitionLike {
  readonly guard?: unknown;
  readonly actions: readonly unknown[];
  readonly target?: readonly { readonly id: string }[];
  readonly reenter?: boolean;
}

/** A guard or action named in the machine's setup reads as its name; anything else (an inline function, an object)
 *  as its identity: two inline copies count as different, which may only say "not alike" where they are. */
const identities = new WeakMap<object, number>();
let nextIdentity = 0;

function named(part: unknown): string {
  if (part === undefined) return '';
  if (typeof part === 'string') return JSON.stringify(part);
  if (typeof part !== 'object' && typeof part !== 'function') return String(part);
  let id = identities.get(part as object);
  if (id === undefined) identities.set(part as object, (id = nextIdentity++));
  return `#${id}`;
}

function leaves(node: NodeLike, value: unknown): NodeLike[] {
  if (typeof value === 'string') return [node.states[value]!];
  return Object.entries(value as Record<string, unknown>).flatMap(([child, inner]) => leaves(node.states[child]!, inner));
}

/** The handlers of `type` in `snapshot` of `machine`, as one string: equal strings, equal definitions ('' : none). */
export function handlersOf(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, type: string): string {
  const root = machine.root as unknown as NodeLike;
  const out: string[] = [];
  for (const leaf of typeof snapshot.value === 'string' || typeof snapshot.value === 'object' ? leaves(root, snapshot.value) : []) {
    for (let node: NodeLike | undefined = leaf; node !== undefined; node = node.parent) {
      for (const d of [...(node.transitions.get(type) ?? []), ...(node.transitions.get('*') ?? [])]) {
        out.push(`${named(d.guard)}>${d.actions.map(named).join(',')}>${(d.target ?? []).map((t) => t.id).join(',')}>${d.reenter === true}`);
      }
    }
  }
  return out.join(';');
}
