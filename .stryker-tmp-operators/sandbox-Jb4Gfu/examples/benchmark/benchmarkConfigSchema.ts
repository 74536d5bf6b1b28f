// Configuration of the benchmark model, validated in one place: MAXP, the provisioning messages sent at most.
import { z } from 'zod';

export const benchmarkConfigSchema = z
  .object({
    /** MAXP of issue 3: 5 gives 251,617 reachable states, 6 gives 1,648,572; 6 is the most that packs into 31 bits. */
    maxP: z.number().int().min(0).max(6).default(5),
  })
  .strict();
