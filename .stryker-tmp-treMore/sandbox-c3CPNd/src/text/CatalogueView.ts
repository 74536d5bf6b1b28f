// What the text tools need to know of a counter-measure catalogue. trecheck's own catalogue
// (properties/catalogue) has this shape; the text tools take it as a parameter and import no data.
export interface CatalogueThreat {
  /** "1" or "3a". */
  readonly alternative: string;
  readonly threat: number;
  readonly likelihood: readonly number[];
  readonly impact: readonly number[];
  readonly risk: readonly number[];
  /** Numbers of entries the TR keeps as "void". */
  readonly voidNumbers: readonly number[];
}

export interface CatalogueCounterMeasure {
  readonly id: string;
  readonly alternative: string;
  readonly threat: number;
  /** The number printed in the TR. */
  readonly textNumber: number;
}

export interface CatalogueView {
  readonly threats: readonly CatalogueThreat[];
  readonly counterMeasures: readonly CatalogueCounterMeasure[];
}
