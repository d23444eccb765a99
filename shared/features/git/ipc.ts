import { z } from 'zod';
import { text } from '../../api/text';
import { ServiceRepositoryView } from './api';

/** The Source section's data: the platform's answer, where to clone from, and how fresh it is. */
export const ServiceSource = ServiceRepositoryView.extend({
  /** The full URL to `git clone`: the connected platform's address + clonePath. */
  cloneUrl: text(),
  /** When the platform gave this answer. */
  fetchedAt: z.iso.datetime({ offset: true }),
  /** True when the platform was unreachable and this is the last answer kept on this device. */
  fromCache: z.boolean(),
});
export type ServiceSource = z.infer<typeof ServiceSource>;

export const gitCommands = {
  /** Null when the service's code is not hosted by the platform (a catalog entry with an outside repository). */
  'git:repository': {
    input: z.object({ serviceId: text().min(1).max(100) }),
    output: ServiceSource.nullable(),
  },
} as const;
