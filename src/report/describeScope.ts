// The scope of a verdict in words, as every writer and the CLI's verdict line say it: the injection budget (also
// 0), the attacker model, its capabilities and any dishonest role, what it knew before the run, and the channels
// closed to it with the assumption that closed each (or the model itself).
import type { VerdictScope } from './Report.ts';

// Readable names of channels.ts's classes; a class not listed here is said by its id.
const classNames: Readonly<Record<string, string>> = {
  closed: 'out-of-band and operator links',
  portal: 'subscriber portal',
  host: 'host-TRE interface',
  network: 'network channels',
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function describeScope(scope: VerdictScope): string {
  const attacker =
    scope.capabilities.length === 0 && scope.dishonest === null
      ? 'no attacker'
      : `${scope.attackerModel}: ${[...(scope.capabilities.length === 0 ? [] : [scope.capabilities.join(' + ')]), ...(scope.dishonest === null ? [] : [`dishonest ${scope.dishonest}`])].join(', ')}`;
  const closed = scope.closed.map((c) => {
    const what = classNames[c.channelClass] ?? `${c.channelClass} channels`;
    return c.assumption === undefined
      ? `${what} closed by the model (${plural(c.channels.length, 'channel')})`
      : `${what} closed (assumption ${c.assumption})`;
  });
  const before = scope.earlierTraffic === true ? ['knowing what it read of the provisioning before the run'] : [];
  return [`within ${plural(scope.injections, 'injection')}`, attacker, ...before, ...closed].join(', ');
}

/** A verdict's words with its scope after them, as one line. */
export const verdictInScope = (text: string, scope: VerdictScope | undefined): string => (scope === undefined ? text : `${text}; scope: ${describeScope(scope)}`);
