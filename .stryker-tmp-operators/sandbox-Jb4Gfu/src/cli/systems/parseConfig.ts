// Parses a system configuration with a zod schema; a bad one becomes one InputError line naming the field.
import { InputError } from '../InputError.ts';

interface ConfigSchema<T> {
  safeParse(x: unknown):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

export function parseConfig<T>(system: string, schema: ConfigSchema<T>, config: unknown): T {
  const parsed = schema.safeParse(config ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? 'configuration' : issue.path.map(String).join('.');
  throw new InputError(`invalid configuration for ${system}: ${where}: ${issue?.message ?? 'invalid'}`);
}
