// Scenario configuration: which flow, which access, which SHOs, which variant. User input is checked and
// resolved into a complete config here and only here; errors are values with a stable code, not throws.
import { z } from 'zod';
import { capabilityIds, injectingCapabilities, insiderRoles, type Capability, type InsiderRole } from '../attacker/capabilities.ts';
import { switchIds, switchOf, switches, type SwitchId } from '../counterMeasures/switches.ts';
import type { Access } from '../roles/m2me.ts';
import type { ChangeNotice } from '../roles/subscriber.ts';
import { shoCommands, type ShoCommand } from '../roles/sho.ts';
import { roleIds, shoIds, type BaseShoId, type RoleId, type ShoId } from '../roleIds.ts';
import type { StorageFull } from '../roles/treRegistry.ts';

/** Injections the attacker may make in a run: each one a message it delivers that no honest role sent on that
 *  channel (a replay, a redirection or a forgery). Bounded so every search is finite; printed with each verdict. */
export const MAX_INJECTIONS = 6;

/** Largest `treCapacity` a scenario may set: more than the model's registrations can fill (MAX_REGISTRATIONS). */
export const MAX_TRE_CAPACITY = 4;

const flowIds = ['initial-3gpp', 'initial-non3gpp', 'change-via-old-sho', 'change-via-pristine', 'delayed-activation'] as const;
export type FlowId = (typeof flowIds)[number];

const sho = z.enum(shoIds);

/** What a user may write (JSON). Every field but `flow` is optional; defaults are documented in `resolveScenario`. */
export const scenarioInputSchema = z
  .object({
    name: z.string().min(1).optional(),
    flow: z.enum(flowIds),
    devices: z.number().int().min(1).max(2).describe('honest devices, each with its subscriber, M2ME and TRE (dev1 is the victim\'s)').optional(),
    dev1InService: z.boolean().describe('with devices 2: dev1 starts in service with its SHO\'s MCIM (an earlier provisioning), only dev2 is provisioned in the run').optional(),
    access: z.enum(['3gpp', 'non3gpp-authenticated', 'non3gpp-unauthenticated']).optional(),
    sho: sho.optional(),
    // null is what a resolved config holds for flows without an old SHO, so resolved configs round-trip.
    oldSho: sho.nullable().optional(),
    bothMcimsPresent: z.boolean().optional(),
    delayedActivation: z.boolean().optional(),
    lifecycleActions: z.boolean().optional(),
    shoCommands: z.array(z.enum(shoCommands)).optional(),
    shoUpdates: z.number().int().min(0).max(2)
      .describe('updates each SHO sends, in order, for its MCIM instance in the device it serves, through the DPF (004 5.1.2.3 [t7 cm7], 5.1.3.4.3)').optional(),
    dpfGeneratesCredentials: z.boolean().describe('5.1.3.4.3 variant: the DPF generates the MCIM credentials itself').optional(),
    treCapacity: z.number().int().min(1).max(MAX_TRE_CAPACITY).nullable()
      .describe('MCIM instances the TRE can store, in any lifecycle state (null: no bound, as in the text)').optional(),
    userPinEntry: z.boolean().describe('the user enters its credential once at the device\'s keypad (003 t10 cm5, cm10)').optional(),
    userLifecycle: z.boolean().describe('the subscriber sends its own DELETE for its SHO\'s MCIM, once (003 t7 cm3: a control the user must not override)').optional(),
    userGate: z.boolean().describe('the TRE gates the subscriber\'s re-provisioning instruction by user authentication (003 t10 cm10; 004 gates no function)').optional(),
    shos: z.number().int().min(2).max(3)
      .describe('SHOs of the world: 3 adds sho3, the SHO of the second change of operator (change-via-old-sho, changeRequests 2: sho1 -> sho2 -> sho3), without an attacker').optional(),
    changeRequests: z.number().int().min(1).max(2)
      .describe('change-of-operator requests the subscriber makes (change-via-old-sho): 2 = it changes back to the old SHO, whenever it likes after its first instruction').optional(),
    faults: z
      .object({
        tamper: z.boolean().optional(),
        corruptMcim: z.boolean().optional(),
        eraseMcim: z.boolean().describe('an MCIM may be erased at any moment (003 t11 "erasure of a MID")').optional(),
      })
      .strict()
      .optional(),
    stalling: z
      .array(z.enum(roleIds))
      .describe('roles that may stop acting at any moment (a server that never answers): the liveness properties assume no fairness for their steps')
      .optional(),
    /** Counter-measures switched off: ids or aliases from models/counterMeasures/switches.ts ("t5.cm3"). */
    off: z.array(z.string()).describe(`counter-measures switched off, by id or alias: ${switches.map((x) => [x.id, ...x.aliases].join('=')).join(', ')}`).optional(),
    /** Steps the text does not have, each a listed assumption (docs/model.md). */
    assumptions: z
      .object({
        portalProtected: z.boolean().optional(),
        manufacturingClosed: z.boolean().describe('manufacturing and supply links closed to the attacker (5.1.2.2, 5.1.3.5.8)').optional(),
        operatorLinksClosed: z.boolean().describe('links between operators closed to the attacker (5.1.3.6.2 names no protection)').optional(),
        atDeviceClosed: z.boolean().describe('the subscriber instructs the M2ME at the device (5.1.3.7.4.2/4.3 step 2 name no channel)').optional(),
        blockFromInstalled: z.boolean().optional(),
        changeNotice: z.enum(['unordered', 'acknowledged', 'none']).optional(),
        storageFull: z.enum(['refuse', 'evictRetired']).describe('what a full TRE does with a new MCIM (the text names no storage bound)').optional(),
        retiredDeletedAtCommit: z.boolean().describe('5.1.3.7.4.2 step 12 removes the Retired old MCIM from memory (no step of the text does)').optional(),
        failureReport: z.boolean().describe('the TRE reports an MCIM object of its registration that it cannot provision (004 step 13 "success/failure"; the text gives no failure case)').optional(),
        omaDmSession: z.boolean().describe('steps 12-13 run in an OMA DM session between the TRE and the DPF (5.1.3.6.2 NOTE, x.2.2: an example in the text)').optional(),
      })
      .strict()
      .optional(),
    attacker: z
      .object({
        capabilities: z.array(z.enum(capabilityIds as [Capability, ...Capability[]])).describe('threat capabilities (trecheck list capabilities)').optional(),
        injections: z.number().int().min(0).max(MAX_INJECTIONS).describe('messages the attacker may inject in a run (replays, redirections, forgeries)').optional(),
        dishonest: z.enum(insiderRoles).nullable().describe('one role made dishonest within what its keys allow (004 Annex x.3)').optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ScenarioInput = z.input<typeof scenarioInputSchema>;

/** A complete, checked scenario. JSON-safe: it is the `config` of the world System. */
export interface ScenarioConfig {
  readonly name: string;
  readonly flow: FlowId;
  /** Honest devices (1 or 2): dev1, and with 2 a second device dev2 with its own subscriber, M2ME and TRE, whose
   *  subscriber contracts with the SHO dev1's does not (models/flows/castFor.ts). */
  readonly devices: number;
  /** With several devices: dev1 starts in service with the chosen SHO's MCIM Activated (an earlier provisioning, as a
   *  change of operator starts), and the run provisions the other devices only. */
  readonly dev1InService: boolean;
  readonly access: Access;
  /** The SHO chosen by the subscriber: the SHO of an initial provisioning, the new SHO of a change. */
  readonly sho: BaseShoId;
  /** The SHO serving before a change of operator; null for initial provisioning. */
  readonly oldSho: BaseShoId | null;
  /** 5.1.3.7.4.2 variant: the new SHO's MCIM is already present in the M2ME. */
  readonly bothMcimsPresent: boolean;
  /** Annex x.1: the ICF subscription stays dormant until the subscriber announces the switch-on. */
  readonly delayedActivation: boolean;
  /** Enables the TRE's local lifecycle actions (sessions, reset) and the supplier's remote update. */
  readonly lifecycleActions: boolean;
  /** Lifecycle commands each SHO may send (once each) for its own MCIM (5.1.2.4 lifecycle management). */
  readonly shoCommands: readonly ShoCommand[];
  /** MCIM updates each SHO may send, in order, through the DPF for its MCIM instance (5.1.2.3 [t7 cm7]): 0 to 2. */
  readonly shoUpdates: number;
  /** 5.1.3.4.3 "the DPF ... may generate the credentials itself": the RO then holds every MCIM's Ki. */
  readonly dpfGeneratesCredentials: boolean;
  /** MCIM instances the TRE can store (any lifecycle state); null: no bound (the text gives none). */
  readonly treCapacity: number | null;
  /** Change-of-operator requests the subscriber makes: 1, or 2 (the second back to the old SHO, at any time after its
   *  first instruction, so the two may be in flight together). */
  readonly changeRequests: number;
  /** SHOs of the world: 2 (sho1, sho2), or 3 (sho3, the SHO of the second change of operator). */
  readonly shos: number;
  /** The user enters its credential once at the device (the keypad, then the host interface to the TRE). */
  readonly userPinEntry: boolean;
  /** The TRE acts on the subscriber's instruction only after user authentication, with [t10 cm10] on. */
  readonly userGate: boolean;
  /** The subscriber sends its own DELETE for its SHO's MCIM once, authenticated with the device token [t7 cm3]. */
  readonly userLifecycle: boolean;
  /** Enables fault events: tamper detection (lockdown), MCIM code corruption (integrity check), MCIM erasure (t11). */
  readonly faults: { readonly tamper: boolean; readonly corruptMcim: boolean; readonly eraseMcim: boolean };
  /** Roles that may stop acting at any moment: a fair run need not take their steps (models/world/worldFairness.ts). */
  readonly stalling: readonly RoleId[];
  /** Counter-measures switched off (primary switch ids, sorted). */
  readonly off: readonly SwitchId[];
  readonly assumptions: {
    /** The subscriber's portal to the SHO and the RO is protected (x.2.3 names no channel; x.1 asks for "an
     *  appropriately protected web portal"): a network attacker neither reads nor writes it. */
    readonly portalProtected: boolean;
    /** Manufacturing and supply links are closed (5.1.2.2 "secure, out-of-band facility"; 5.1.3.5.8 "in a secure
     *  manner"; the text names no channel for 5.1.3.4.1 nor for the device's supply). */
    readonly manufacturingClosed: boolean;
    /** Operator-to-operator links are closed (5.1.3.6.2 draws them, says nothing of their protection). */
    readonly operatorLinksClosed: boolean;
    /** The subscriber reaches the M2ME at the device (5.1.3.7.4.2/4.3 step 2 name no channel). */
    readonly atDeviceClosed: boolean;
    /** An Installed MCIM can be Blocked (5.1.1.1 does not say from which states). */
    readonly blockFromInstalled: boolean;
    /** How the DRF learns the new SHO in a change of operator (models/roles/subscriber.ts ChangeNotice). */
    readonly changeNotice: ChangeNotice;
    /** What a full TRE does with a new MCIM: refuse it, or first evict Retired instances (models/roles/treRegistry.ts). */
    readonly storageFull: StorageFull;
    /** 5.1.3.7.4.2 step 12 removes the Retired old MCIM from memory (the model's reading; the text has no such step). */
    readonly retiredDeletedAtCommit: boolean;
    /** Step 13's failure status: the TRE reports an object it cannot provision; the DPF passes it on, the SHO records it. */
    readonly failureReport: boolean;
    /** Steps 12-13 run in an OMA DM session, the TRE and the DPF authenticating each other (models/roles/dmSession.ts). */
    readonly omaDmSession: boolean;
  };
  readonly attacker: {
    readonly capabilities: readonly Capability[];
    /** Injections allowed in a run (0..MAX_INJECTIONS). */
    readonly injections: number;
    readonly dishonest: InsiderRole | null;
  };
}

/** The SHO of the second change of operator (`changeRequests: 2`): back to the old SHO, or on to sho3 with `shos: 3`. */
export function secondChangeSho(config: Pick<ScenarioConfig, 'shos' | 'oldSho'>): ShoId | null {
  return config.shos > 2 ? 'sho3' : config.oldSho;
}

/** The SHO the subscriber chose last: the new SHO, or with two change requests the SHO of the second change. */
export function lastChoiceSho(config: Pick<ScenarioConfig, 'shos' | 'oldSho' | 'sho' | 'changeRequests'>): ShoId {
  return config.changeRequests > 1 && config.oldSho !== null ? secondChangeSho(config) ?? config.sho : config.sho;
}

/** The SHO a second device's subscriber contracts with: the one dev1's does not (an assumption of the model: each
 *  SHO serves one device, docs/model.md). */
export function secondDeviceSho(config: Pick<ScenarioConfig, 'sho'>): BaseShoId {
  return config.sho === 'sho1' ? 'sho2' : 'sho1';
}

/** The SHO whose provisioning (registration 1) put dev1 in service before the run starts (a change of operator,
 *  `dev1InService`), or null when the run starts from the factory. */
export function servedBeforeRun(config: Pick<ScenarioConfig, 'flow' | 'oldSho' | 'sho' | 'dev1InService'>): ShoId | null {
  if (config.flow === 'change-via-old-sho' || config.flow === 'change-via-pristine') return config.oldSho;
  return config.dev1InService ? config.sho : null;
}

/** An attacker, an insider or a fault acts in the scenario: a run that stops short of the goal may be their doing. */
export function underAttack(config: ScenarioConfig): boolean {
  return config.attacker.capabilities.length > 0 || config.attacker.dishonest !== null || config.faults.tamper || config.faults.corruptMcim || config.faults.eraseMcim;
}

export interface ScenarioError {
  readonly code: 'invalid-scenario';
  /** One line, naming the field and what is accepted. */
  readonly message: string;
}

export type ScenarioResult = { readonly ok: true; readonly config: ScenarioConfig } | { readonly ok: false; readonly error: ScenarioError };

const bad = (message: string): ScenarioResult => ({ ok: false, error: { code: 'invalid-scenario', message } });

/** Checks `input` and fills in the defaults:
 *  - devices: 1, dev1InService: false (2 only for the initial flows over 3GPP or non-3GPP access, and not with `t5.otherTre` or `t7.ownSubscription`, whose dev2 is
 *    the attacker's);
 *  - access: '3gpp', except 'non3gpp-authenticated' for initial-non3gpp;
 *  - sho: 'sho1' for initial flows, 'sho2' (the new SHO) for changes; oldSho: the other SHO for changes;
 *  - bothMcimsPresent: false; delayedActivation: true for delayed-activation, false otherwise;
 *  - lifecycleActions and faults: off, shoCommands: none, shoUpdates: 0, dpfGeneratesCredentials: false (honest runs);
 *  - treCapacity: null (no bound); changeRequests: 1; shos: 2 (3 only for two changes of operator via the old SHO, no attacker); userPinEntry, userGate and userLifecycle: false;
 *  - stalling: none (every honest role keeps acting, for the liveness properties);
 *  - off: none (every counter-measure on); assumptions: portal protected, manufacturing, operator and at-device links
 *    closed, blocking from Installed allowed,
 *    change notice unordered, a full TRE refuses, the Retired old MCIM deleted at step 12, no failure report, no OMA DM session; attacker: no capability, no insider, 2 injections when a capability or insider can inject (else 0);
 *  - name: the flow id with its variants. */
export function resolveScenario(input: unknown): ScenarioResult {
  const parsed = scenarioInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? 'scenario' : `scenario.${issue.path.join('.')}`;
    return bad(`${where}: ${issue?.message ?? 'invalid'}`);
  }
  const i = parsed.data;
  const change = i.flow === 'change-via-old-sho' || i.flow === 'change-via-pristine';
  const access: Access = i.access ?? (i.flow === 'initial-non3gpp' ? 'non3gpp-authenticated' : '3gpp');
  if (i.flow === 'initial-non3gpp' && access === '3gpp') return bad(`scenario.access: flow initial-non3gpp needs a non-3GPP access, got '3gpp'`);
  if ((i.flow === 'initial-3gpp' || i.flow === 'delayed-activation') && access !== '3gpp') {
    return bad(`scenario.access: flow ${i.flow} is over 3GPP access, got '${access}' (use flow initial-non3gpp)`);
  }
  const chosen: BaseShoId = i.sho ?? (change ? 'sho2' : 'sho1');
  if (!change && i.oldSho !== undefined && i.oldSho !== null) return bad(`scenario.oldSho: only a change of operator has an old SHO (flow is ${i.flow})`);
  const oldSho: BaseShoId | null = change ? (i.oldSho ?? (chosen === 'sho1' ? 'sho2' : 'sho1')) : null;
  if (oldSho === chosen) return bad(`scenario.oldSho: the old and the new SHO must differ, both are '${chosen}'`);
  if (i.bothMcimsPresent === true && i.flow !== 'change-via-old-sho') {
    return bad(`scenario.bothMcimsPresent: only flow change-via-old-sho has that variant (flow is ${i.flow})`);
  }
  const delayedActivation = i.delayedActivation ?? i.flow === 'delayed-activation';
  if (i.flow === 'delayed-activation' && !delayedActivation) return bad('scenario.delayedActivation: flow delayed-activation needs it true');
  if (change && delayedActivation) return bad(`scenario.delayedActivation: a change of operator starts from a provisioned M2ME (flow is ${i.flow})`);
  const bothMcimsPresent = i.bothMcimsPresent ?? false;
  const devices = i.devices ?? 1;
  if (devices > 1 && i.flow !== 'initial-3gpp' && i.flow !== 'initial-non3gpp') {
    return bad(`scenario.devices: ${devices} devices need flow initial-3gpp or initial-non3gpp (each device's subscriber takes an SHO of its own; flow is ${i.flow})`);
  }
  if (i.dev1InService === true && devices < 2) return bad('scenario.dev1InService: only with devices: 2 (the run then provisions dev2)');
  const ownDevice = (['t5.otherTre', 't7.ownSubscription'] as const).find((c) => i.attacker?.capabilities?.includes(c) === true);
  if (devices > 1 && ownDevice !== undefined) {
    return bad(`scenario.devices: ${ownDevice} makes dev2 the attacker's own device; it cannot also be an honest one`);
  }
  const changeRequests = i.changeRequests ?? 1;
  if (changeRequests > 1 && (i.flow !== 'change-via-old-sho' || bothMcimsPresent)) {
    return bad(`scenario.changeRequests: only flow change-via-old-sho (without bothMcimsPresent) has repeated changes (flow is ${i.flow}${bothMcimsPresent ? ', both present' : ''})`);
  }
  const shos = i.shos ?? 2;
  if (shos > 2 && (changeRequests < 2 || (i.attacker?.capabilities?.length ?? 0) > 0 || (i.attacker?.dishonest ?? null) !== null)) {
    return bad('scenario.shos: a third SHO is the SHO of the second change of operator: it needs changeRequests 2, and no attacker (whose vocabulary and routes name sho1 and sho2 only)');
  }
  const treCapacity = i.treCapacity ?? null;
  const held = change ? (bothMcimsPresent ? 2 : 1) : 0;
  if (treCapacity !== null && treCapacity < held) return bad(`scenario.treCapacity: ${treCapacity} is below the ${held} MCIMs the flow ${i.flow} starts with`);
  const off: SwitchId[] = [];
  for (const [k, id] of (i.off ?? []).entries()) {
    const sw = switchOf(id);
    if (sw === undefined) return bad(`scenario.off.${k}: unknown counter-measure '${id}'; switchable: ${switches.map((x) => [x.id, ...x.aliases].join('=')).join(', ')}`);
    if (!off.includes(sw.id)) off.push(sw.id);
  }
  off.sort((a, b) => switchIds.indexOf(a) - switchIds.indexOf(b));
  const capabilitiesSet = [...new Set(i.attacker?.capabilities ?? [])].sort((a, b) => capabilityIds.indexOf(a) - capabilityIds.indexOf(b));
  const injects = capabilitiesSet.some((c) => injectingCapabilities.includes(c)) || (i.attacker?.dishonest ?? null) !== null;
  const defaultName = [i.flow, i.flow === 'initial-non3gpp' ? access.replace('non3gpp-', '') : '', bothMcimsPresent ? 'both-present' : '', devices > 1 ? `${devices}-devices` : '', i.dev1InService === true ? 'dev1-in-service' : '']
    .filter((s) => s !== '')
    .join('-');
  return {
    ok: true,
    config: {
      name: i.name ?? defaultName,
      flow: i.flow,
      devices,
      dev1InService: i.dev1InService ?? false,
      access,
      sho: chosen,
      oldSho,
      bothMcimsPresent,
      delayedActivation,
      lifecycleActions: i.lifecycleActions ?? false,
      shoCommands: shoCommands.filter((c) => i.shoCommands?.includes(c) === true),
      shoUpdates: i.shoUpdates ?? 0,
      dpfGeneratesCredentials: i.dpfGeneratesCredentials ?? false,
      treCapacity,
      changeRequests,
      shos,
      userPinEntry: i.userPinEntry ?? false,
      userGate: i.userGate ?? false,
      userLifecycle: i.userLifecycle ?? false,
      faults: { tamper: i.faults?.tamper ?? false, corruptMcim: i.faults?.corruptMcim ?? false, eraseMcim: i.faults?.eraseMcim ?? false },
      stalling: roleIds.filter((r) => i.stalling?.includes(r) === true),
      off,
      assumptions: {
        portalProtected: i.assumptions?.portalProtected ?? true,
        manufacturingClosed: i.assumptions?.manufacturingClosed ?? true,
        operatorLinksClosed: i.assumptions?.operatorLinksClosed ?? true,
        atDeviceClosed: i.assumptions?.atDeviceClosed ?? true,
        blockFromInstalled: i.assumptions?.blockFromInstalled ?? true,
        changeNotice: i.assumptions?.changeNotice ?? 'unordered',
        storageFull: i.assumptions?.storageFull ?? 'refuse',
        retiredDeletedAtCommit: i.assumptions?.retiredDeletedAtCommit ?? true,
        failureReport: i.assumptions?.failureReport ?? false,
        omaDmSession: i.assumptions?.omaDmSession ?? false,
      },
      attacker: {
        capabilities: capabilitiesSet,
        injections: i.attacker?.injections ?? (injects ? 2 : 0),
        dishonest: i.attacker?.dishonest ?? null,
      },
    },
  };
}
