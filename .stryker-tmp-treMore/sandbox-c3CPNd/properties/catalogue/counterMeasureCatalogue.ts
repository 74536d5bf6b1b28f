// trecheck's counter-measure catalogue: every counter-measure of Alternatives 1 and 3a with its threat's risk.
// Built and checked once at load time: a numbering slip in the data throws on import, not in a later test.
import { alternative1CounterMeasures, alternative1Threats, type CounterMeasureData } from './alternative1.ts';
import { alternative3aCounterMeasures, alternative3aThreats } from './alternative3a.ts';
import { parseCounterMeasureId } from './CounterMeasureId.ts';
import type { CounterMeasureId } from './CounterMeasureId.ts';
import type { CounterMeasureRecord, ThreatRecord } from './CounterMeasureRecord.ts';

export type KnownCounterMeasureId = keyof typeof alternative1CounterMeasures | keyof typeof alternative3aCounterMeasures;

export const threatRecords: readonly ThreatRecord[] = [
  ...Object.entries(alternative1Threats).map(([n, t]): ThreatRecord => ({ alternative: '1', threat: Number(n), voidNumbers: [], ...t })),
  ...Object.entries(alternative3aThreats).map(([n, t]): ThreatRecord => ({ alternative: '3a', threat: Number(n), voidNumbers: [], ...t })),
];

function record(id: string, textNumber: number | undefined, data: CounterMeasureData): CounterMeasureRecord {
  const parts = parseCounterMeasureId(id);
  // Cannot happen unless the data files are edited wrongly; failing on import names the bad key.
  if (parts === undefined) throw new Error(`counter-measure catalogue: malformed id "${id}" (expected t<n>.cm<m> or a3a.t<n>.cm<m>)`);
  const threatRecord = threatRecords.find((t) => t.alternative === parts.alternative && t.threat === parts.threat);
  if (threatRecord === undefined) throw new Error(`counter-measure catalogue: "${id}" names threat ${parts.threat}, which Alternative ${parts.alternative} does not have`);
  const base = { id: id as CounterMeasureId, alternative: parts.alternative, threat: parts.threat, number: parts.number, textNumber: textNumber ?? parts.number, threatRecord };
  return typeof data === 'string'
    ? { ...base, summary: data, modelable: true }
    : { ...base, summary: data.summary, modelable: false, notModelableBecause: data.notModelable };
}

export const counterMeasureCatalogue: readonly CounterMeasureRecord[] = [
  ...Object.entries(alternative1CounterMeasures).map(([id, data]) => record(id, undefined, data)),
  ...Object.entries(alternative3aCounterMeasures).map(([id, [textNumber, data]]) => record(id, textNumber, data)),
];

/** Within each threat the ids run 1..n, skipping exactly the void numbers of the TR. */
function checkNumbering(): void {
  for (const t of threatRecords) {
    const numbers = counterMeasureCatalogue.filter((c) => c.threatRecord === t).map((c) => c.number);
    const expected: number[] = [];
    for (let n = 1; expected.length < numbers.length; n++) if (!t.voidNumbers.includes(n)) expected.push(n);
    if (numbers.join() !== expected.join()) {
      throw new Error(`counter-measure catalogue: Alternative ${t.alternative} threat ${t.threat} has numbers ${numbers.join(', ')}; expected ${expected.join(', ')}`);
    }
  }
}
checkNumbering();

/** The catalogue in the shape the text tools take as a parameter (src/text/CatalogueView.ts). */
export const catalogueView = { threats: threatRecords, counterMeasures: counterMeasureCatalogue } as const;

const byId = new Map(counterMeasureCatalogue.map((c) => [c.id as string, c]));

/** The catalogue entry for `id`; throws on an unknown id so that a property citing one fails as soon as it is imported. */
export function counterMeasure(id: KnownCounterMeasureId): CounterMeasureRecord {
  const found = byId.get(id);
  if (found === undefined) {
    const parts = parseCounterMeasureId(id);
    const known = parts === undefined ? [] : counterMeasureCatalogue.filter((c) => c.alternative === parts.alternative && c.threat === parts.threat).map((c) => c.id);
    const hint = known.length > 0 ? `; threat ${parts?.threat} has ${known.join(', ')}` : '; ids look like t5.cm3 (Alternative 1) or a3a.t2.cm1 (Alternative 3a)';
    throw new Error(`unknown counter-measure id "${id}"${hint}`);
  }
  return found;
}
