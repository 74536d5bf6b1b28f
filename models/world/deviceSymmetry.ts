// Symmetry of a world of two identical honest devices (engine: System.symmetry, docs/engine.md "Symmetry"): in a
// scenario where dev1's subscriber chooses sho1 and dev2's chooses sho2 and nothing else tells the devices or the
// SHOs apart, swapping dev1 with dev2 and sho1 with sho2 (their roles, and every name derived from them: PCIDs,
// keys, tokens, MCIM ids) maps the world onto itself. The search then keeps one world of each pair {w, swap(w)}.
// The swap is applied to packed worlds through tables filled as worlds are met: a role's local state, a message and
// a set of observations are renamed once each, by their keys.
import type { Property } from '../../src/engine/Property.ts';
import type { Symmetry } from '../../src/engine/Symmetry.ts';
import { canonicalJson } from '../../src/engine/canonicalJson.ts';
import { name } from '../../src/attacker/Term.ts';
import { contentId } from '../contentId.ts';
import type { ScenarioConfig } from '../flows/ScenarioConfig.ts';
import type { RoleId } from '../roleIds.ts';
import { envelopeKey, messageOfKey } from './envelopeKey.ts';
import { localIdOf, worldAt, type World } from './World.ts';
import { recordBytes, writeHeader } from './successorRecord.ts';
import { readVarint, varintSize, writeVarint } from '../../src/packing/varint.ts';
import type { WorldEvent } from './WorldEvent.ts';
import type { WorldModel } from './WorldModel.ts';

const swappedToken: Readonly<Record<string, string>> = { dev1: 'dev2', dev2: 'dev1', sho1: 'sho2', sho2: 'sho1' };

/** A name with dev1 and dev2, sho1 and sho2 exchanged ('pcid:dev1' -> 'pcid:dev2', 'mcim:sho2' -> 'mcim:sho1'). */
export function swapName(text: string): string {
  return text.replace(/dev1|dev2|sho1|sho2/g, (token) => swappedToken[token]!);
}

/** The roles exchanged: each device role of dev1 with dev2's, sho1 with sho2; the others stay. */
export function swapRole(role: RoleId): RoleId {
  switch (role) {
    case 'subscriber': return 'subscriber@dev2';
    case 'm2me': return 'm2me@dev2';
    case 'tre': return 'tre@dev2';
    case 'subscriber@dev2': return 'subscriber';
    case 'm2me@dev2': return 'm2me';
    case 'tre@dev2': return 'tre';
    case 'sho1': return 'sho2';
    case 'sho2': return 'sho1';
    default: return role;
  }
}

/** Every string of a JSON value, object keys included, renamed by `swapName`; and a content id of a name the swap
 *  renames (`contentIds`) replaced by the content id of its image: a TRE keeps the measurement of its MCIM's code as
 *  such an id (treRegistry.ts), which names no device, and renaming the code alone would give a world no run reaches. */
function swapJson(value: unknown, contentIds: ReadonlyMap<string, string> = contentIdImages(value)): unknown {
  if (typeof value === 'string') return contentIds.get(value) ?? swapName(value);
  if (Array.isArray(value)) return value.map((v) => swapJson(v, contentIds));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [swapName(k), swapJson(v, contentIds)]));
  return value;
}

/** contentId(name(x)) -> contentId(name(swapName(x))) for each string x of `value` that the swap renames. */
function contentIdImages(value: unknown, into = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') {
    const image = swapName(value);
    if (image !== value) into.set(contentId(name(value)), contentId(name(image)));
  } else if (Array.isArray(value)) {
    for (const v of value) contentIdImages(v, into);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) contentIdImages(v, into);
  }
  return into;
}

/** Why `config` is not known to be symmetric under the swap (undefined: it is, as far as the configuration tells;
 *  the initial world must still be a fixed point, `deviceSymmetry` checks). Anything that names or favours one
 *  device or one SHO breaks it: a lifecycle update or fault for dev1, dev1 already in service, a change of operator
 *  (dev1's subscriber changes SHO, dev2's does not), the subscriber's PIN or lifecycle steps (dev1's alone), an
 *  attacker (a PCID of no honest device is addressed as dev1's, deviceAddressing.ts), a switch or stall naming a role. */
export function swapBreaker(config: ScenarioConfig): string | undefined {
  if (config.devices !== 2) return 'not two devices';
  if (config.flow !== 'initial-3gpp' && config.flow !== 'initial-non3gpp') return `flow ${config.flow}`;
  if (config.sho !== 'sho1') return 'dev1 chooses sho2';
  if (config.dev1InService) return 'dev1 in service';
  if (config.lifecycleActions || config.shoCommands.length > 0 || config.bothMcimsPresent) return 'lifecycle actions for dev1';
  if (config.userPinEntry || config.userLifecycle || config.userGate || config.delayedActivation) return "dev1's subscriber alone enters a PIN, acts on its MCIM or delays activation";
  if (config.faults.tamper || config.faults.corruptMcim || config.faults.eraseMcim) return 'faults';
  if (config.off.length > 0 || config.stalling.length > 0) return 'switches or stalls';
  if (config.attacker.capabilities.length > 0 || config.attacker.injections > 0 || config.attacker.dishonest !== null) return 'an attacker';
  return undefined;
}

/** The swap on the worlds of one model (one scenario, one thread), with its tables. */
export class DeviceSwap {
  /** Cast index of each role's image. */
  private readonly roleImage: readonly number[];
  /** Per role, per local id: the local id of the image in the image role's table (-1: not yet renamed). */
  private readonly localImages: number[][];
  private readonly envelopeImages: number[] = [];
  private readonly observedImages: number[] = [];
  /** Per tuple id: its image's. */
  private readonly tupleImages: number[] = [];
  /** The image's local ids, messages and record, rewritten for each world. */
  private readonly ids: Int32Array;
  private net = new Int32Array(64);
  private image = new Uint8Array(256);
  /** The world `canonicalAt` was last asked for, and its answer. */
  private lastAt = -1;
  private lastRepresentative = -1;

  constructor(private readonly model: WorldModel) {
    this.roleImage = model.cast.map((m) => model.roleIndex(swapRole(m.id)));
    this.localImages = model.cast.map(() => []);
    this.ids = new Int32Array(model.cast.length);
  }

  /** swap(world), interned in the model's tables. */
  swapped(world: World): World {
    return worldAt(this.model, this.model.worlds.intern(this.image, this.writeImage(world)));
  }

  /** The classes of roles the swap exchanges, as the index of each class's first role: per role. */
  classes(): number[] {
    return this.roleImage.map((image, role) => Math.min(role, image));
  }

  /** Per role, per local event: the index of its image among the image role's local events; undefined when some
   *  event has none (the swap is then no symmetry of the steps, and no step is left out under it). */
  localEventImages(): number[][] | undefined {
    const cast = this.model.cast;
    const images = cast.map((member, role) => {
      const theirs = cast[this.roleImage[role]!]!.localEvents.map((e) => canonicalJson(e));
      return member.localEvents.map((e) => theirs.indexOf(canonicalJson(swapJson(e))));
    });
    return images.some((row) => row.includes(-1)) ? undefined : images;
  }

  /** swap(event), for the events of a world with no attacker (a local event or a delivery; the others are an
   *  attacker's, and a world with one has no symmetry, swapBreaker). */
  swappedEvent(event: WorldEvent, localImages: readonly (readonly number[])[]): WorldEvent {
    if (event.kind === 'local') return this.model.localEvent(this.roleImage[event.role]!, localImages[event.role]![event.index]!);
    if (event.kind === 'deliver') return this.model.deliverEvent(this.envelopeImage(event.envelope));
    throw new Error(`deviceSymmetry: no swap of an attacker's event (${event.kind}) in a world without attacker`);
  }

  /** The representative of {world, swap(world)}: whichever of the two has the smaller record (a choice both make
   *  alike). The image's record is written, not interned, unless it is the representative: no table of
   *  representatives, and half the images never enter the pool. */
  canonical(world: World): World {
    const at = this.canonicalAt(world.at);
    return at === world.at ? world : worldAt(this.model, at);
  }

  canonicalAt(at: number): number {
    // The search asks again for the world it just asked for (Symmetry.leaveOut.via after canonicalKey).
    if (at === this.lastAt) return this.lastRepresentative;
    this.lastAt = at;
    this.lastRepresentative = this.representativeAt(at);
    return this.lastRepresentative;
  }

  private representativeAt(at: number): number {
    const model = this.model;
    const world = worldAt(model, at);
    const end = this.writeImage(world);
    const image = this.image;
    const pool = model.worlds.segmentOf(at);
    const from = model.worlds.bodyStart(at);
    const length = model.worlds.bodyEnd(at) - from;
    for (let i = 0; i < length && i < end; i++) {
      if (pool[from + i] !== image[i]) return pool[from + i]! < image[i]! ? at : model.worlds.intern(image, end);
    }
    return length <= end ? at : model.worlds.intern(image, end);
  }

  /** Writes swap(world)'s record into `image`; returns its length. */
  private writeImage(world: World): number {
    const model = this.model;
    // The messages' images, in key order (a network holds a few: insertion sort).
    let net = this.net;
    let n = 0;
    for (let p = world.netStart, e = 0; p < world.netEnd; p += varintSize(e)) {
      e = readVarint(world.net, p);
      if (n === net.length) {
        net = new Int32Array(2 * n);
        net.set(this.net);
        this.net = net;
      }
      const image = this.envelopeImage(e);
      const rank = model.rank[image]!;
      let k = n++;
      for (; k > 0 && model.rank[net[k - 1]!]! > rank; k--) net[k] = net[k - 1]!;
      net[k] = image;
    }
    if (this.image.length < recordBytes(n)) this.image = new Uint8Array(2 * recordBytes(n));
    let end = writeHeader(this.image, 0, model, this.tupleImage(world), this.observedImage(world.observedId), world.injections);
    for (let k = 0; k < n; k++) end = writeVarint(this.image, end, net[k]!);
    return end;
  }

  /** The id of the image of `world`'s tuple of local states, kept by tuple. */
  private tupleImage(world: World): number {
    const known = this.tupleImages[world.rolesId];
    if (known !== undefined) return known;
    const ids = this.ids;
    for (let i = 0; i < ids.length; i++) ids[this.roleImage[i]!] = this.localImage(i, localIdOf(world, i));
    const image = this.model.roleTuples.intern(ids, ids.length);
    this.tupleImages[world.rolesId] = image;
    return image;
  }

  private localImage(role: number, id: number): number {
    const row = this.localImages[role]!;
    const known = row[id];
    if (known !== undefined) return known;
    const [status, value, context] = JSON.parse(this.model.memos[role]!.key(id)) as [string, unknown, unknown];
    const image = this.model.memos[this.roleImage[role]!]!.idOfKey(canonicalJson([status, swapJson(value), swapJson(context)]));
    row[id] = image;
    return image;
  }

  private envelopeImage(envelope: number): number {
    const known = this.envelopeImages[envelope];
    if (known !== undefined) return known;
    const m = messageOfKey(this.model.keyOfEnvelope(envelope));
    const image = this.model.envelopeOfKey(envelopeKey({ kind: m.kind, from: swapRole(m.from), to: swapRole(m.to), term: swapJson(m.term) as typeof m.term }));
    this.envelopeImages[envelope] = image;
    return image;
  }

  private observedImage(set: number): number {
    const known = this.observedImages[set];
    if (known !== undefined) return known;
    const terms = this.model.observations.terms(set).map((text) => canonicalJson(swapJson(JSON.parse(text))));
    const image = this.model.observations.ofTerms(terms);
    this.observedImages[set] = image;
    return image;
  }
}

/** The properties, by id, whose definitions read every device and every SHO alike (audited by reading them; the
 *  others read dev1's TRE, subscriber or names, or were not audited), so that they hold in swap(w) exactly when in w:
 *  - McimSecretNeverLeaves: the Ki of every SHO not dishonest (no insider here) in the attacker's knowledge;
 *  - NoMcimCredentialInTwoTres: the Kis of every TRE's registry;
 *  - McimInstalledOnlyInItsTre: every TRE's installs against every SHO's issues;
 *  - NoSecretInClearOnHostInterface: every message between any device's M2ME and TRE, every credential name.
 *  Any other property checked turns the reduction off (System.symmetry.preserves). */
const symmetricProperties: ReadonlySet<string> = new Set<string>([
  'McimSecretNeverLeaves',
  'NoMcimCredentialInTwoTres',
  'McimInstalledOnlyInItsTre',
  'NoSecretInClearOnHostInterface',
]);

/** The swap as the engine's symmetry, when `initial`'s scenario is symmetric under it and its initial world is a
 *  fixed point; undefined otherwise. */
export function deviceSymmetry(initial: World): Symmetry<World, WorldEvent> | undefined {
  if (swapBreaker(initial.model.config) !== undefined) return undefined;
  const swap = new DeviceSwap(initial.model);
  if (swap.swapped(initial).at !== initial.at) return undefined;
  const localImages = swap.localEventImages();
  return {
    canonical: (world) => swap.canonical(world),
    canonicalKey: (key) => swap.canonicalAt(key),
    preserves: (property: Property<World, WorldEvent>) => symmetricProperties.has(property.id),
    // Steps left out by an order of role classes (the swap maps each role into its class), and the step into a world
    // swapped with it when the world is (docs/engine.md "Symmetry").
    ...(localImages === undefined
      ? {}
      : {
          leaveOut: {
            begin: () => initial.model.rankByClass(swap.classes()),
            via: (at: number, event: WorldEvent) => (swap.canonicalAt(at) === at ? event : swap.swappedEvent(event, localImages)),
          },
        }),
  };
}
