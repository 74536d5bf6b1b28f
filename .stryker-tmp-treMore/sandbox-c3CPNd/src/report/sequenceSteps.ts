// Reads a trace's action labels as the steps of a message sequence chart: who sends what to whom.
// Label forms: `from>to kind` (a message, e.g. `m2me>ro discoveryRequest`), `role EVENT` (a local event,
// e.g. `subscriber CHANGE_OPERATOR`), and the Dolev-Yao examples' `inject to:B msg` / `deliver to:A msg`.
// A step is the attacker's when its label begins with `attacker` or `inject`, or says `(injected)`.

export type SequenceStep =
  | { readonly kind: 'message'; readonly from: string; readonly to: string; readonly text: string; readonly attacker: boolean; readonly label: string }
  | { readonly kind: 'local'; readonly role: string; readonly text: string; readonly attacker: boolean; readonly label: string };

export interface SequenceChart {
  /** Roles in the order they first appear. */
  readonly lanes: readonly string[];
  readonly steps: readonly SequenceStep[];
}

const isAttacker = (label: string): boolean => /^(attacker|inject)\b/.test(label) || label.includes('(injected)');

export function sequenceStep(label: string): SequenceStep {
  const attacker = isAttacker(label);
  const message = /^([^\s>]+)>([^\s>]+)\s+(.+)$/.exec(label);
  if (message !== null) return { kind: 'message', from: message[1]!, to: message[2]!, text: message[3]!, attacker, label };
  // The network examples name only the receiver: an injection comes from the attacker, a delivery from the network.
  const addressed = /^(inject|deliver)\s+to:(\S+)\s+(.+)$/.exec(label);
  if (addressed !== null) {
    return { kind: 'message', from: addressed[1] === 'inject' ? 'attacker' : 'network', to: addressed[2]!, text: addressed[3]!, attacker, label };
  }
  const local = /^(\S+)\s+(.+)$/.exec(label);
  if (local !== null) return { kind: 'local', role: local[1]!, text: local[2]!, attacker, label };
  return { kind: 'local', role: 'system', text: label, attacker, label };
}

export function sequenceChart(actions: readonly string[]): SequenceChart {
  const steps = actions.map(sequenceStep);
  const lanes: string[] = [];
  const add = (role: string): void => void (lanes.includes(role) || lanes.push(role));
  for (const s of steps) {
    if (s.kind === 'message') {
      add(s.from);
      add(s.to);
    } else add(s.role);
  }
  return { lanes, steps };
}
