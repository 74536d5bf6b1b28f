// Every claim of Alternative 3a, for the registered system (explore, replay); the suite picks per scenario.
import type { Alt3aState } from '../../models/alt3a/alt3aSystem.ts';
import type { Invariant } from '../../src/engine/Property.ts';
import {
  changeNotBlockedByOldOperator, changeOfOperatorKeepsService3a, newOperatorAuthenticatesOnlyTheUsim, oldOperatorCannotDeriveCredentialInUse,
  pastTrafficStaysConfidential, subscriberKeyNeverLeaves, trafficAfterChangeStaysConfidential, transferredUserNotIdentifiable,
} from './claims3a.ts';

export const properties3a: readonly Invariant<Alt3aState>[] = [
  oldOperatorCannotDeriveCredentialInUse,
  pastTrafficStaysConfidential,
  trafficAfterChangeStaysConfidential,
  newOperatorAuthenticatesOnlyTheUsim,
  transferredUserNotIdentifiable,
  subscriberKeyNeverLeaves,
  changeNotBlockedByOldOperator,
  changeOfOperatorKeepsService3a,
];
