// Where each kind of message travels in the model (sender, receiver) and the tag that tells its term apart:
// the attacker replays or redirects a term it holds along any route of a kind whose tag the term carries.
import type { Term } from '../../src/attacker/Term.ts';
import type { MessageKind } from '../messages.ts';
import { deviceRoleId, deviceRoles, type DeviceId, type DeviceRole, type RoleId } from '../roleIds.ts';

type Route = readonly [from: RoleId, to: RoleId];

const net = (from: RoleId, to: RoleId): Route => [from, to];
const toSho = (from: RoleId): Route[] => [net(from, 'sho1'), net(from, 'sho2')];

/** Routes of the kinds that cross a channel some capability reaches; the rest (out-of-band, operator links)
 *  never do and are left out. The tag is the first name of the term (of the signed body for a signature). */
export const messageRoutes: Partial<Record<MessageKind, { readonly tag: string; readonly routes: readonly Route[] }>> = {
  contract: { tag: 'contract', routes: toSho('subscriber') },
  shoSelection: { tag: 'shoSelection', routes: [net('subscriber', 'ro')] },
  selectionAck: { tag: 'selectionAck', routes: [net('ro', 'subscriber')] },
  activationNotice: { tag: 'activationNotice', routes: [net('subscriber', 'ro')] },
  activationAck: { tag: 'activationAck', routes: [net('ro', 'subscriber')] },
  boot: { tag: 'boot', routes: [net('m2me', 'tre')] },
  ready: { tag: 'ready', routes: [net('tre', 'm2me')] },
  resetDone: { tag: 'resetDone', routes: [net('tre', 'm2me')] },
  attachRequest: { tag: 'attach', routes: [net('m2me', 'vno'), net('m2me', 'icsp')] },
  authChallenge: { tag: 'challenge', routes: [net('vno', 'm2me'), net('icsp', 'm2me'), net('m2me', 'tre')] },
  authResponse: { tag: 'res', routes: [net('m2me', 'vno'), net('m2me', 'icsp'), net('tre', 'm2me')] },
  attachReject: { tag: 'attachReject', routes: [net('vno', 'm2me')] },
  ipConnectivity: { tag: 'ip', routes: [net('vno', 'm2me'), net('icsp', 'm2me')] },
  discoveryRequest: { tag: 'discover', routes: [net('m2me', 'ro')] },
  bootstrap: { tag: 'bootstrap', routes: [net('ro', 'm2me'), net('m2me', 'tre')] },
  registrationRequest: { tag: 'register', routes: [net('tre', 'm2me'), net('m2me', 'ro')] },
  mcimDownload: { tag: 'M2MSIMMobj', routes: [net('ro', 'm2me'), net('m2me', 'tre')] },
  mcimActivation: { tag: 'activateMcim', routes: [net('ro', 'm2me'), net('m2me', 'tre')] },
  provisioningStatus: { tag: 'provisioned', routes: [net('tre', 'm2me'), net('m2me', 'ro')] },
  reprovisionInstruction: { tag: 'reprovisionInstruction', routes: [net('m2me', 'tre')] },
  discardNotice: { tag: 'discarded', routes: [net('tre', 'm2me'), ...toSho('m2me')] },
  discardAck: { tag: 'discardAck', routes: [net('sho1', 'm2me'), net('sho2', 'm2me'), net('m2me', 'ro')] },
  provisionCommit: { tag: 'commit', routes: [net('ro', 'm2me'), net('m2me', 'tre')] },
  treUpdate: { tag: 'update', routes: [net('supplier', 'm2me'), net('m2me', 'tre')] },
  lifecycleCommand: { tag: 'lifecycle', routes: [net('sho1', 'm2me'), net('sho2', 'm2me'), net('m2me', 'tre')] },
  mcimUpdate: { tag: 'mcimUpdate', routes: [net('ro', 'm2me'), net('m2me', 'tre')] },
  // The subscriber's own lifecycle command (scenario `userLifecycle`): at the device, then the host interface.
  userLifecycle: { tag: 'userLifecycle', routes: [net('subscriber', 'm2me'), net('m2me', 'tre')] },
  // A remote entry reaches the host from the network (claimed from the RO's server: any network peer would do).
  userAuth: { tag: 'userAuth', routes: [net('ro', 'm2me'), net('m2me', 'tre')] },
  interfaceRequest: { tag: 'keyExport', routes: [net('m2me', 'tre')] },
  // The OMA DM session of steps 12-13 (omaDmSession), between the TRE and the RO (DPF) through the host.
  dmSessionOpen: { tag: 'dmSessionOpen', routes: [net('tre', 'm2me'), net('m2me', 'ro')] },
  dmServerAuth: { tag: 'dmServer', routes: [net('ro', 'm2me'), net('m2me', 'tre')] },
  // Operator links: closed to the network attacker; reached only through an insider at one of their ends.
  registration: { tag: 'register', routes: [net('ro', 'sho1'), net('ro', 'sho2')] },
  validationRequest: { tag: 'validate', routes: [net('sho1', 'pva'), net('sho2', 'pva')] },
  validationResult: { tag: 'validation', routes: [net('pva', 'sho1'), net('pva', 'sho2')] },
  provisioningAuthorisation: { tag: 'authorise', routes: [net('sho1', 'ro'), net('sho2', 'ro')] },
  activationAuthorisation: { tag: 'authorise', routes: [net('sho1', 'ro'), net('sho2', 'ro')] },
  updateAuthorisation: { tag: 'authorise', routes: [net('sho1', 'ro'), net('sho2', 'ro')] },
  provisioningReport: { tag: 'report', routes: [net('ro', 'sho1'), net('ro', 'sho2')] },
  discardRelay: { tag: 'oldReleased', routes: [net('ro', 'sho1'), net('ro', 'sho2')] },
  shoRegistration: { tag: 'subscribes', routes: [net('sho1', 'ro'), net('sho2', 'ro')] },
};

const isDeviceRole = (r: RoleId): r is DeviceRole => (deviceRoles as readonly string[]).includes(r);

/** The routes of `kind` in a world of the honest `devices`: a route to or from a device's role is a route of each
 *  device (a host-TRE route stays inside one device). */
export function routesOf(kind: MessageKind, devices: readonly DeviceId[]): readonly Route[] {
  const routes = messageRoutes[kind]?.routes ?? [];
  if (devices.length <= 1) return routes;
  return devices.flatMap((d) => routes
    .filter(([from, to]) => d === 'dev1' || isDeviceRole(from) || isDeviceRole(to))
    .map(([from, to]): Route => [isDeviceRole(from) ? deviceRoleId(from, d) : from, isDeviceRole(to) ? deviceRoleId(to, d) : to]));
}

/** The tag of a term: the first name of a tuple, or of a signature's body. */
export function tagOf(t: Term): string | undefined {
  const body = t.kind === 'sign' ? t.body : t;
  const head = body.kind === 'tuple' ? body.items[0] : undefined;
  return head?.kind === 'name' ? head.id : undefined;
}

/** Kinds whose terms carry `tag`. */
export function kindsOfTag(tag: string): MessageKind[] {
  return (Object.entries(messageRoutes) as [MessageKind, { tag: string }][]).filter(([, r]) => r.tag === tag).map(([k]) => k);
}
