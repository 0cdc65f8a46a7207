import { z } from 'zod';

export const LivenessSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });

export const ReadinessSchema = z
  .object({
    status: z.literal('ready'),
    /** Which engine serves storage; nothing more about the deployment is disclosed. */
    storage: z.enum(['sqlite', 'mongodb']),
  })
  .meta({ id: 'Readiness' });

export type Readiness = z.infer<typeof ReadinessSchema>;
