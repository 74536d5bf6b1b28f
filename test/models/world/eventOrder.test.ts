// The order of the world's events read back: the pipelined search keeps only a step's order with the world it
// reached, and the world recovers from it the role and the claimed sender the leave-out rule compares.
import { describe, expect, it } from 'vitest';
import { eventOrder, eventRole, injectionSender, orderRole, orderSender } from '../../../models/world/eventOrder.ts';
import { enabledEvents, forEachSuccessor, worldKey, type World } from '../../../models/world/World.ts';
import { worldSystem } from '../../../models/world/worldSystem.ts';
import { allThreatScenarioConfigs } from '../../../properties/threats/threatSuite.ts';

describe('eventOrder read back', () => {
  it.each(['t2-failure-report', 't7-forged-commands'])('gives every event of %s its role and claimed sender', (name) => {
    const config = allThreatScenarioConfigs().find((c) => c.name === name)!;
    const initial = worldSystem(config).initialStates()[0]!;
    const model = initial.model;
    const seen = new Set([worldKey(initial)]);
    const orders = new Set<number>();
    const kinds = new Set<string>();
    let frontier: World[] = [initial];
    while (frontier.length > 0 && seen.size < 3000) {
      const next: World[] = [];
      for (const world of frontier) {
        for (const event of enabledEvents(world)) {
          const order = eventOrder(event, model);
          expect(orderRole(order)).toBe(eventRole(model, event));
          expect(orderSender(model, order)).toBe(injectionSender(model, event));
          orders.add(order);
          kinds.add(event.kind);
        }
        forEachSuccessor(world, (_, w) => {
          if (!seen.has(worldKey(w))) {
            seen.add(worldKey(w));
            next.push(w);
          }
        });
      }
      frontier = next;
    }
    // Injections (with a sender) and deliveries and local events (without) were all read back.
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['deliver', 'inject', 'local']));
    expect(orders.size).toBeGreaterThan(20);
  });
});
