// The world as an engine System (src/engine/System.ts): the search drives the TR model through this adapter,
// and replay cross-checks a found trace against live actors (liveReplay).
import type { System } from '../../src/engine/System.ts';
import type { Trace } from '../../src/engine/Trace.ts';
import type { ScenarioConfig } from '../flows/ScenarioConfig.ts';
import { deviceSymmetry } from './deviceSymmetry.ts';
import { liveReplay } from './liveReplay.ts';
import { worldFairness } from './worldFairness.ts';
import { modelVersion } from '../modelVersion.ts';
import { describeWorld, enabledEvents, forEachSuccessor, forEachSuccessorKey, initialWorld, recordOfWorld, worldOfRecord, writeSuccessorRecords, portableWorld, portableWorldKey, reviveWorld, stepWorld, worldAt, worldKey, type PortableWorld, type World, type WorldEvent } from './World.ts';
import { eventLeavesOut } from './eventLeavesOut.ts';
import { eventOrder } from './eventOrder.ts';
import { eventLabel } from './eventLabel.ts';
import { partOfInvariant } from './onPart.ts';
import { relayAtReceiptFor, type WorldOptions } from './relayAtReceipt.ts';
import type { AnyProperty } from '../../src/engine/LivenessProperty.ts';

/** Registered name of the TR 33.812 Alternative 1a world; replay rebuilds it with `worldSystem(config)`. */
export const WORLD_SYSTEM_NAME = 'tr33812-alt1a';

/** The system of one scenario; `initial` replaces the scenario's initial world (tests build broken variants; with
 *  `initialWorld(config, { relayAtReceipt: false })` the world without relay at receipt, relayAtReceipt.ts). Every
 *  world of the system is an id tuple into the tables of `initial.model`. */
export function worldSystem(config: ScenarioConfig, initial: World = initialWorld(config)): System<World, WorldEvent> {
  // Two identical honest devices: one world per pair {w, w with dev1/dev2 and sho1/sho2 swapped}.
  const symmetry = deviceSymmetry(initial);
  const model = initial.model;
  const option = model.relayAtReceiptOption;
  return {
    ...(symmetry === undefined ? {} : { symmetry }),
    // The kept relays move on an assumption each step is checked against; broken, the search is redone without them.
    // Receipt at send (receiptAtSend.ts) likewise, with the kept relays.
    ...(model.relays.on && model.relays.kept
      ? {
          assumed: {
            name: model.receipts.on ? 'kept relays and receipt at send' : 'kept relays',
            brokenBy: () => model.relays.brokenBy ?? model.receipts.brokenBy,
            without: () => worldSystem(config, initialWorld(config, { relayAtReceipt: 'steady' })),
          },
        }
      : {}),
    name: WORLD_SYSTEM_NAME,
    // Relay at receipt, where it would apply, is part of what rebuilds this system (replay, workers).
    config: option === undefined ? config : { ...config, relayAtReceipt: option },
    modelVersion,
    initialStates: () => [initial],
    enabled: enabledEvents,
    step: stepWorld,
    forEachSuccessor,
    key: worldKey,
    // Keys are offsets into the scenario's append-only table of world records.
    compactKeys: true,
    forEachSuccessorKey,
    stateOfKey: (key) => worldAt(initial.model, key),
    leavesOut: (via, event, world) => eventLeavesOut(world, via, event),
    // A claim on the roles or on the observations alone is asked once per tuple or set, with the others of its part.
    partOf: partOfInvariant,
    // The pipelined search starts with `recordOf` (its initial states) or `keyTable` (a one-thread search handed over).
    records: {
      recordOf: (world) => recordOfWorld(pipelineReady(world)),
      writeSuccessors: writeSuccessorRecords,
      stateOfRecord: (bytes, start, end) => worldOfRecord(initial.model, bytes, start, end),
      tagOf: (event) => eventOrder(event, initial.model),
      keyTable: () => pipelineReady(initial).model.worlds,
      moveKeyTable: () => {
        const model = pipelineReady(initial).model;
        const record = recordOfWorld(initial);
        const parts = model.worlds.moveOut();
        // The initial world read its network from the table's first segment, which may have moved with it: it is
        // interned again in the table left empty (the first record, at the same offset).
        initial = worldAt(model, model.worlds.intern(record, record.length));
        return parts;
      },
    },
    portableKey: portableWorldKey,
    portable: portableWorld,
    revive: (portable) => reviveWorld(initial.model, portable as PortableWorld),
    // Labels need a message table; every world of this system reads the same one.
    actionLabel: (action) => eventLabel(initial, action),
    describeState: describeWorld,
    fairness: worldFairness,
    liveReplay,
  };
}

/** `world`, unless a symmetric search ranked its model's roles by class: the pipelined search reads a step's role
 *  from its order (eventOrder.ts orderRole), which then names a class. */
function pipelineReady(world: World): World {
  if (world.model.ranksByClass) throw new Error('world: the pipelined search cannot follow a symmetric search on the same system (its orders rank roles by class)');
  return world;
}

/** The system a search of `properties` uses: with relay at receipt where it fits them (relayAtReceipt.ts). */
export function worldSystemFor(config: ScenarioConfig, properties: readonly AnyProperty<World, WorldEvent>[]): System<World, WorldEvent> {
  return worldSystem(config, initialWorld(config, { relayAtReceipt: relayAtReceiptFor(properties as readonly AnyProperty<unknown, unknown>[]) }));
}

/** The system a trace of this world was found on, rebuilt from the configuration it records (the scenario, and its
 *  relay at receipt: a search redone without the kept relays, System.assumed, records it). */
export function worldSystemOfTrace(trace: Trace): System<World, WorldEvent> {
  const { config, options } = worldOfTrace(trace);
  return worldSystem(config, initialWorld(config, options));
}

/** The scenario and the world's options that a trace of this world records. */
export function worldOfTrace(trace: Trace): { readonly config: ScenarioConfig; readonly options: WorldOptions } {
  const { relayAtReceipt, ...config } = trace.config as ScenarioConfig & { readonly relayAtReceipt?: boolean | 'steady' };
  return { config, options: relayAtReceipt === undefined ? {} : { relayAtReceipt } };
}
