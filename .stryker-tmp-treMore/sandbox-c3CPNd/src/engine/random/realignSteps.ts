// Shrinking pass: the shortest run that follows the run's own sequence of action families, where each
// step may be kept, swapped for another action of its family, or dropped, and at most one step of any
// family may be inserted. A dynamic program over (position in the run, state), like the edit-distance
// alignment of Wagner and Fischer ("The string-to-string correction problem", 1974) taken over the
// product of the run and the system. It repairs what dropping alone cannot: runs whose steps come in
// an order (of nonces, of serial numbers) that makes every single removal break a later step.
import type { Property } from '../Property.ts';
import { startWatch, stepWatch, type Watch } from '../propertyWatch.ts';
import type { StateKey, System } from '../System.ts';
import { actionFamily } from './actionFamily.ts';
import type { ShrinkPass } from './ShrinkPass.ts';
import { watchedKey } from './walkLabels.ts';

/** Steps inserted at most; each costs one step and multiplies the search by the branching. */
const maxInserted = 1;
/** Successors one pass may follow (steps taken), so shrinking a long run on a slow system stays bounded. */
const realignBudget = 50_000;

interface Node<S> {
  readonly state: S;
  readonly watch: Watch;
  /** Steps taken so far. */
  readonly cost: number;
  readonly inserted: number;
  readonly parent: Node<S> | undefined;
  readonly label: string | undefined;
}

/** The nodes of one position, one per (state and watch, steps inserted): the cheapest found first. */
class Layer<S> {
  private readonly byKey = new Map<StateKey, (Node<S> | undefined)[]>();
  readonly order: Node<S>[] = [];

  /** Keeps `node` if it is cheaper than the node of its key; returns whether it was kept. */
  offer(key: StateKey, node: Node<S>): boolean {
    let slots = this.byKey.get(key);
    if (slots === undefined) {
      slots = [];
      this.byKey.set(key, slots);
    }
    // A node with fewer insertions used and no more steps taken can do all this one can.
    for (let used = 0; used <= node.inserted; used++) {
      const old = slots[used];
      if (old !== undefined && old.cost <= node.cost) return false;
    }
    slots[node.inserted] = node;
    this.order.push(node);
    return true;
  }

  /** False for a node since replaced by a cheaper one of the same key. */
  current(key: StateKey, node: Node<S>): boolean {
    return this.byKey.get(key)?.[node.inserted] === node;
  }
}

export const realignSteps: ShrinkPass = { name: 'realign-steps', shorten: realign };

/** The successors whose label passes `wanted`: through the fast path when the system has one (it computes
 *  them all anyway), else stepping only the wanted actions. */
function successorsOf<S, A>(
  system: System<S, A>,
  state: S,
  wanted: (label: string) => boolean,
  visit: (label: string, action: A, next: S) => void,
): void {
  if (system.forEachSuccessor !== undefined) {
    system.forEachSuccessor(state, (action, next) => {
      const label = system.actionLabel(action);
      if (wanted(label)) visit(label, action, next);
    });
    return;
  }
  for (const action of system.enabled(state)) {
    const label = system.actionLabel(action);
    if (wanted(label)) visit(label, action, system.step(state, action));
  }
}

function realign<S, A>(system: System<S, A>, property: Property<S, A>, initial: S, labels: readonly string[]): readonly string[] | undefined {
  const start = startWatch(property, initial);
  if (start === 'violated') return labels.length > 0 ? [] : undefined;
  let budget = realignBudget;
  let best: Node<S> | undefined;
  // Only runs shorter than the one given are of interest.
  let bestCost = labels.length;
  const keyOf = (node: Node<S>): StateKey => watchedKey(system, property, node.state, node.watch);
  let layer = new Layer<S>();
  const root: Node<S> = { state: initial, watch: start, cost: 0, inserted: 0, parent: undefined, label: undefined };
  layer.offer(keyOf(root), root);
  for (let position = 0; position <= labels.length && budget > 0; position++) {
    const family = position < labels.length ? actionFamily(labels[position]!) : undefined;
    const next = new Layer<S>();
    // The layer grows while it is read: an inserted step stays at the same position.
    for (let i = 0; i < layer.order.length && budget > 0; i++) {
      const node = layer.order[i]!;
      const key = keyOf(node);
      if (!layer.current(key, node) || node.cost + 1 >= bestCost) continue;
      // Drop the step at this position.
      if (family !== undefined) next.offer(key, node);
      const mayInsert = node.inserted < maxInserted;
      successorsOf(system, node.state, (label) => mayInsert || actionFamily(label) === family, (label, action, to) => {
        budget--;
        const follows = family !== undefined && actionFamily(label) === family;
        const watch = stepWatch(property, node.watch, node.state, action, to);
        const cost = node.cost + 1;
        if (watch === 'violated') {
          if (cost < bestCost) {
            bestCost = cost;
            best = { state: to, watch, cost, inserted: node.inserted, parent: node, label };
          }
          return;
        }
        if (follows) {
          const kept: Node<S> = { state: to, watch, cost, inserted: node.inserted, parent: node, label };
          next.offer(keyOf(kept), kept);
        }
        if (mayInsert) {
          const inserted: Node<S> = { state: to, watch, cost, inserted: node.inserted + 1, parent: node, label };
          layer.offer(keyOf(inserted), inserted);
        }
      });
    }
    layer = next;
  }
  if (best === undefined) return undefined;
  const taken: string[] = [];
  for (let at: Node<S> | undefined = best; at?.label !== undefined; at = at.parent) taken.push(at.label);
  return taken.reverse();
}
