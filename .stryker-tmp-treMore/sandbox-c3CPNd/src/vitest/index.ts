// `trecheck/vitest`: check the TR model's properties from a vitest test file. Compiled to dist/ for the
// package export (a consumer's vitest does not transform .ts in node_modules).
import { describe, it } from 'vitest';
import { checkProperty, checkScenario, checkThreat, propertyIds, TrecheckViolation, type CheckOptions, type PropertyOutcome } from './checkScenario.ts';

export { checkProperty, checkScenario, checkThreat, propertyIds, TrecheckViolation };
export type { CheckOptions, PropertyOutcome };

/** Registers a describe block with one test per property of the model on `scenario`. */
export function describeScenario(name: string, scenario: unknown, options: CheckOptions = {}): void {
  describe(name, () => {
    for (const id of propertyIds()) it(`${id} holds`, () => void checkProperty(id, scenario, options));
  });
}
