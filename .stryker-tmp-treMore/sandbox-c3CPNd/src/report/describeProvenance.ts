// One line of provenance for the human-readable reports.
import type { Provenance } from './Provenance.ts';

export function describeProvenance(p: Provenance): string {
  const parts = [`trecheck ${p.version}`, p.commit === undefined ? 'commit unknown' : `commit ${p.commit.slice(0, 12)}`];
  if (p.sourcesHash !== undefined) parts.push(`models+properties sha256 ${p.sourcesHash.slice(0, 16)}`);
  parts.push(`Node ${p.node}`);
  return `${parts.join(', ')}; options ${JSON.stringify(p.options)}`;
}
