// Where a report comes from: enough to tell two reports apart and to re-run what made them.
export interface Provenance {
  readonly tool: 'trecheck';
  readonly version: string;
  /** Git commit of the checkout, when it is one. */
  readonly commit?: string;
  /** SHA-256 over the sources of models/ and properties/ (paths and contents), when they are readable. */
  readonly sourcesHash?: string;
  readonly node: string;
  /** The command's resolved options, bounds and seeds. */
  readonly options: Readonly<Record<string, unknown>>;
}
