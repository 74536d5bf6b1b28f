// A threat of 003 (7.1.2.1) as trecheck checks it: its small default scenarios (only its capabilities) and the
// properties that state its counter-measures, each with the counter-measure ids and clauses it checks.
import type { ScenarioInput } from '../../models/flows/ScenarioConfig.ts';
import type { WorldProperty } from '../WorldProperty.ts';

export interface ThreatCheck {
  /** Threat number of Alternative 1 (1..12). */
  readonly threat: number;
  /** Scenarios in the scenario-file format, each with a name `tN-...`. */
  readonly scenarios: readonly ScenarioInput[];
  readonly properties: readonly WorldProperty[];
  /** Properties expected to fail with every counter-measure on, keyed `scenario/property`: findings about the
   *  text, each with the clauses that leave the gap. */
  readonly knownFindings?: Readonly<Record<string, string>>;
}
