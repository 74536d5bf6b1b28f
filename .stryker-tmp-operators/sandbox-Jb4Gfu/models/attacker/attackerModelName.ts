// The name of the attacker model every verdict's scope states: a Dolev-Yao attacker over the typed terms of
// models/messages.ts (it reads, replays and builds messages only as their types allow).
export const attackerModelName = 'Dolev-Yao over typed messages';
