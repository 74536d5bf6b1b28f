// Switches the ablation finds redundant in the model, each with why (another mechanism stops the same attack).
// Empty while every switch is necessary; `trecheck ablate` exits 1 for a redundant switch with no reason here.
import type { SwitchId } from './switches.ts';

export const redundancyReasons: Partial<Record<SwitchId, string>> = {};
