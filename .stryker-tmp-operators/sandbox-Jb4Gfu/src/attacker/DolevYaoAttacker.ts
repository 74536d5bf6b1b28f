// The network attacker as a component a protocol mixes in explicitly: it reads every message sent
// (intercept), and delivers to a role either a message really sent on that channel or one it
// derives itself (inject), at most `maxInjections` times, which keeps the state space finite.
import { canDerive, knowledgeOf, learn, type Knowledge } from './knowledge.ts';
import { matchPattern, patternInstances, type MessagePattern } from './MessagePattern.ts';
import { showTerm, type Term } from './Term.ts';

export interface AttackerBudget {
  /** Messages the attacker may forge or redirect over a whole run. */
  readonly maxInjections: number;
}

export interface AttackerState {
  readonly knowledge: Knowledge;
  readonly injections: number;
}

/** A message handed to a role: `injected` when it was not sent as such on that channel. */
export interface Delivery {
  readonly channel: string;
  readonly message: Term;
  readonly injected: boolean;
}

export function initialAttacker(initialKnowledge: readonly Term[]): AttackerState {
  return { knowledge: knowledgeOf(initialKnowledge), injections: 0 };
}

/** Threat: eavesdropping. Every message on the network is read and analysed. */
export function intercept(attacker: AttackerState, message: Term): AttackerState {
  const knowledge = learn(attacker.knowledge, message);
  return knowledge === attacker.knowledge ? attacker : { ...attacker, knowledge };
}

/** Messages the attacker can deliver on `channel` to a role expecting `pattern`: first those sent on that
 *  channel (honest delivery or replay), then derivable instances of the pattern while the budget lasts. */
export function deliveries(
  attacker: AttackerState,
  budget: AttackerBudget,
  channel: string,
  pattern: MessagePattern,
  sentOnChannel: readonly Term[],
): Delivery[] {
  const out: Delivery[] = [];
  const seen = new Set<string>();
  for (const message of sentOnChannel) {
    const text = showTerm(message);
    if (!seen.has(text) && matchPattern(pattern, message) !== undefined) {
      seen.add(text);
      out.push({ channel, message, injected: false });
    }
  }
  if (attacker.injections < budget.maxInjections) {
    for (const message of patternInstances(pattern)) {
      const text = showTerm(message);
      // Threat: forgery and redirection, limited to what Dolev-Yao synthesis can build.
      if (!seen.has(text) && canDerive(attacker.knowledge, message)) {
        seen.add(text);
        out.push({ channel, message, injected: true });
      }
    }
  }
  return out;
}

/** The attacker after making `delivery`: an injection uses up one unit of the budget. */
export function afterDelivery(attacker: AttackerState, delivery: Delivery): AttackerState {
  return delivery.injected ? { ...attacker, injections: attacker.injections + 1 } : attacker;
}

/** Canonical key of the attacker's part of a state. */
export function attackerKey(attacker: AttackerState): string {
  return `${attacker.injections}|${attacker.knowledge.key}`;
}
