import { randomUUID } from 'node:crypto';
import { Flag } from '../../../../shared/features/flags/api';
import type { IpcOutput, IpcParsedInput } from '../../../../shared/contract';
import type { flagsCommands } from '../../../../shared/features/flags/ipc';
import type { BackendContext, CommandOf } from '../../composition/backend-feature';
import { IpcError } from '../../ipc/ipc-error';
import { serviceFlags } from './queries';

type Command = CommandOf<typeof flagsCommands>;

/** Synchronous (reads and one SQLite transaction each). */
export type FlagsHandlers = { [C in Command]: (input: IpcParsedInput<C>) => IpcOutput<C> };

/**
 * IPC for flags. Reads come from the cache (offline); every change is enqueued with its optimistic
 * effect. A new flag gets its UUID here, so it keeps its id when the platform accepts it. A key
 * this device already knows in that environment is refused at once, before queueing, with the
 * platform's own code and wording (the platform still checks: another device may have been first).
 */
export function createFlagsHandlers(ctx: BackendContext): { handlers: FlagsHandlers } {
  const { db } = ctx;
  const cached = (id: string): Flag | null => {
    const row = db.prepare('SELECT data FROM flags WHERE id = ?').get(id) as { data: string } | undefined;
    return row ? Flag.parse(JSON.parse(row.data)) : null;
  };
  return {
    handlers: {
      'flags:list': ({ serviceId }) => serviceFlags(db, serviceId),
      'flags:create': (input) => {
        const taken = db
          .prepare('SELECT 1 FROM flags WHERE service_id = ? AND environment = ? AND key = ?')
          .get(input.serviceId, input.environment, input.key);
        if (taken) {
          const service = db.prepare('SELECT name FROM services WHERE id = ?').get(input.serviceId) as
            { name: string } | undefined;
          throw new IpcError(
            'flag_exists',
            `a flag "${input.key}" already exists for ${service?.name ?? input.serviceId} in ${input.environment}`,
          );
        }
        const id = randomUUID();
        return { ...ctx.enqueue('flag.create', { ...input, id }), id };
      },
      'flags:update': (input) => {
        if (!cached(input.id)) throw new IpcError('not_found', `flag ${input.id} is not on this device`);
        return ctx.enqueue('flag.update', input);
      },
      'flags:delete': ({ id }) => {
        const flag = cached(id);
        if (!flag) throw new IpcError('not_found', `flag ${id} is not on this device`);
        return ctx.enqueue('flag.delete', {
          id,
          serviceId: flag.serviceId,
          key: flag.key,
          environment: flag.environment,
        });
      },
    },
  };
}
