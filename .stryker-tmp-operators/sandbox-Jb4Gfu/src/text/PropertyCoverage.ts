// Which counter-measures a property checks: the link from a text change to the properties it affects.
// Properties name them by catalogue id (`t5.cm3`); the list lives in properties/index.ts.
export interface PropertyCoverage {
  readonly id: string;
  readonly counterMeasures: readonly string[];
}
