import { z } from 'zod';
import { text } from '../../api/text';
import { Enqueued } from '../../ipc/contract';
import { EnvironmentName } from '../catalog/api';
import { FlagDescription, FlagKey, RolloutPercent, ServiceFlags } from './api';

const Id = text().min(1).max(100);

/** Flags on the desktop: read from the cache, every change through the outbox (offline too). */
export const flagsCommands = {
  'flags:list': { input: z.object({ serviceId: Id }), output: ServiceFlags },
  /** Refused at once (`flag_exists`) when this device already knows the key in that environment. */
  'flags:create': {
    input: z.object({
      serviceId: Id,
      environment: EnvironmentName,
      key: FlagKey,
      description: FlagDescription.default(''),
      enabled: z.boolean().default(false),
      rolloutPercent: RolloutPercent.default(100),
    }),
    output: Enqueued.extend({ id: text() }),
  },
  'flags:update': {
    input: z
      .object({
        id: Id,
        enabled: z.boolean().optional(),
        rolloutPercent: RolloutPercent.optional(),
        description: FlagDescription.optional(),
      })
      .refine(
        (p) => p.enabled !== undefined || p.rolloutPercent !== undefined || p.description !== undefined,
        {
          message: 'change at least one of enabled, rolloutPercent, description',
        },
      ),
    output: Enqueued,
  },
  'flags:delete': { input: z.object({ id: Id }), output: Enqueued },
} as const;
