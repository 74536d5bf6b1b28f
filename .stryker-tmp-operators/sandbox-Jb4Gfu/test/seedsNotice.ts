// Vitest global setup: says once, before the run, when the TR texts are missing and which setting names them.
import { seedsAvailable, seedsMissingLine } from './text/seeds.ts';

export default function seedsNotice(): void {
  if (!seedsAvailable()) console.warn(seedsMissingLine());
}
