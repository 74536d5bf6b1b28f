// Configuration of the Needham-Schroeder public-key example, validated and resolved in one place.
import { z } from 'zod';

export const nspkConfigSchema = z
  .object({
    /** 'none': the 1978 protocol; 'lowe': message 2 names the responder (Lowe 1996). */
    fix: z.enum(['none', 'lowe']).default('none'),
    /** Messages the attacker may forge or redirect. 2 suffice for Lowe's attack. */
    maxInjections: z.number().int().min(0).max(6).default(3),
  })
  .strict();

export type NspkConfig = z.infer<typeof nspkConfigSchema>;
