// The version of the TR model a trace was found on: a format number, bumped when the world's shape changes, and a
// digest of the model's and properties' sources, so a trace from a changed model is refused, never misreplayed.
import { sourcesDigest } from '../src/package/sourcesDigest.ts';

/** The world's format: 2 added devices, switches and the attacker to the world. */
export const MODEL_FORMAT = 'tr33812-alt1a/2';

export const modelVersion = `${MODEL_FORMAT}+${(sourcesDigest(['models', 'properties']) ?? 'no-sources').slice(0, 16)}`;
