import type { Database } from 'better-sqlite3';
import { estimateResource } from '../../../shared/features/resources/api';
import type { IpcHandlers } from '../ipc/dispatch';
import { IpcError } from '../ipc/ipc-error';
import { enqueue } from '../outbox/enqueue';
import type { LocalMutatorRegistry } from '../outbox/local-mutator';
import { isLocalId } from './resource-mutators';
import { listResourceViews } from './resource-queries';

export type ResourceHandlers = Pick<
  IpcHandlers,
  'resources:list' | 'resources:estimate' | 'resources:provision' | 'resources:deprovision'
>;

export interface ResourceHandlerDeps {
  db: Database;
  mutators: LocalMutatorRegistry;
  onTablesChanged(tables: string[]): void;
  /** The outbox changed: the sync engine pushes soon. */
  onLocalChange(): void;
  now?: () => Date;
}

/** Resources read from the cache; provisioning is offline-first (queued, pushed exactly once). */
export function createResourceHandlers(deps: ResourceHandlerDeps): ResourceHandlers {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const enqueueAndAnnounce = (name: string, args: unknown) => {
    const { entry, tables } = enqueue(db, deps.mutators, name, args, now());
    deps.onTablesChanged(tables);
    deps.onLocalChange();
    return { mutationId: entry.mutationId };
  };
  return {
    'resources:list': ({ serviceId }) => listResourceViews(db, serviceId),
    'resources:estimate': ({ kind, size }) => estimateResource(kind, size),
    'resources:provision': (args) => enqueueAndAnnounce('resource.provision', args),
    'resources:deprovision': (args) => {
      if (isLocalId(args.resourceId)) {
        throw new IpcError(
          'not_sent_yet',
          'This resource is still queued on this device. Discard its provisioning in the pending changes instead.',
        );
      }
      return enqueueAndAnnounce('resource.deprovision', args);
    },
  };
}
