// Which counter-measures each property checks, by catalogue id (`t5.cm3`, see properties/catalogue).
// `trecheck diff` reads this list to name the properties a text change affects and `--check` re-runs them.
// Empty until the threat properties exist: add one entry per property, e.g.
//   { id: 'McimSecretNeverLeaves', counterMeasures: ['t2.cm3', 't2.cm4'] }
import type { PropertyCoverage } from '../src/text/PropertyCoverage.ts';

export const propertyCoverage: readonly PropertyCoverage[] = [];
