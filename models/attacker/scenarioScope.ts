// The scope of a scenario's verdicts, as data: the injection budget, the attacker model, its capabilities and any
// dishonest role, and which channels were closed to it and why. The closed channels are found by asking the
// scenario's reach (channels.ts) rather than restating its rules: a channel is closed by an assumption when
// switching that assumption of `config.assumptions` opens it, so a new assumption entry shows without an edit here.
import { servedBeforeRun, type ScenarioConfig } from '../flows/ScenarioConfig.ts';
import { messageKinds } from '../messages.ts';
import { roleIds, type RoleId } from '../roleIds.ts';
import { attackerModelName } from './attackerModelName.ts';
import { capabilityIds } from './capabilities.ts';
import { channelClass, reachOf } from './channels.ts';

export interface ClosedChannels {
  /** The class of the channels (channels.ts ChannelClass). */
  readonly channelClass: string;
  /** The channels, each as its two ends sorted ("ro>vno"). */
  readonly channels: readonly string[];
  /** The assumption (a key of the scenario's `assumptions`) that closes them; absent when the model itself does. */
  readonly assumption?: string;
}

export interface ScenarioScope {
  /** Injections the attacker may make in a run (0 without an attacker). */
  readonly injections: number;
  readonly attackerModel: string;
  readonly capabilities: readonly string[];
  readonly dishonest: string | null;
  /** Channels closed to this attacker by an assumption or by the model (not those it merely lacks the capability for). */
  readonly closed: readonly ClosedChannels[];
  /** The attacker starts knowing what it read of the provisioning that put dev1 in service before the run
   *  (models/world/earlierTraffic.ts). */
  readonly earlierTraffic: boolean;
}

type Pair = readonly [RoleId, RoleId];

// Every pair of roles that channels.ts names apart from the default class: the links it says something about.
const namedChannels: readonly Pair[] = roleIds.flatMap((a, i) => roleIds.slice(i + 1).flatMap((b): Pair[] => (channelClass(a, b) === 'network' ? [] : [[a, b]])));

const key = ([a, b]: Pair): string => [a, b].sort().join('>');

function openFor(config: ScenarioConfig): (p: Pair) => boolean {
  const reach = reachOf(config);
  return ([a, b]) => messageKinds.some((k) => reach.reads(k, a, b) || reach.reads(k, b, a) || reach.writes(k, a, b) || reach.writes(k, b, a));
}

/** The scenario with one boolean assumption switched the other way. */
function flipped(config: ScenarioConfig, id: string): ScenarioConfig {
  const assumptions = config.assumptions as unknown as Record<string, unknown>;
  return { ...config, assumptions: { ...config.assumptions, [id]: !assumptions[id] } } as ScenarioConfig;
}

export function scenarioScope(config: ScenarioConfig): ScenarioScope {
  const a = config.attacker;
  const attacked = a.capabilities.length > 0 || a.dishonest !== null;
  const base = {
    injections: a.injections, attackerModel: attackerModelName, capabilities: [...a.capabilities], dishonest: a.dishonest,
    earlierTraffic: attacked && servedBeforeRun(config) !== null,
  };
  if (!attacked) return { ...base, closed: [] };
  const open = openFor(config);
  const booleans = Object.entries(config.assumptions).flatMap(([id, v]) => (typeof v === 'boolean' ? [id] : []));
  const opensWhenFlipped = booleans.map((id) => ({ id, open: openFor(flipped(config, id)) }));
  const strongest = { ...config, attacker: { ...a, capabilities: capabilityIds } };
  const strongestOpen = [strongest, ...booleans.map((id) => flipped(strongest, id))].map(openFor);
  const groups = new Map<string, { channelClass: string; channels: string[]; assumption?: string }>();
  for (const pair of namedChannels) {
    if (open(pair)) continue;
    const by = opensWhenFlipped.find((f) => f.open(pair))?.id;
    // Closed only because this attacker lacks the capability: its capabilities already say so.
    if (by === undefined && strongestOpen.some((o) => o(pair))) continue;
    const cls = channelClass(pair[0], pair[1]);
    const g = groups.get(`${cls}/${by ?? ''}`) ?? { channelClass: cls, channels: [], ...(by === undefined ? {} : { assumption: by }) };
    g.channels.push(key(pair));
    groups.set(`${cls}/${by ?? ''}`, g);
  }
  return { ...base, closed: [...groups.values()] };
}
