// The re-run of `diff --check` as rows every writer shows: per affected property where the text touched it, then
// each verdict old -> new, and the summary sentence.
import type { Recheck } from './Report.ts';

export interface RecheckRow {
  readonly scenario: string;
  readonly property: string;
  /** The edited line of the new text that touched the property ("new.txt:12"). */
  readonly where: string;
  readonly old: string;
  readonly new: string;
  readonly changed: boolean;
  readonly text: string;
}

export function recheckRows(r: Recheck): RecheckRow[] {
  return r.verdicts.map((v) => {
    const p = r.properties.find((x) => x.id === v.property);
    return { ...v, where: p === undefined ? '' : `${p.file}:${p.line}` };
  });
}
