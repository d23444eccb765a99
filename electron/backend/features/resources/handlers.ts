import {
  estimateResource,
  ResourceKind,
  ResourceKindsAnswer,
  type ResourceKindAvailability,
} from '../../../../shared/features/resources/api';
import type { resourcesCommands } from '../../../../shared/features/resources/ipc';
import type { BackendContext, CommandOf, FeatureHandlers } from '../../composition/backend-feature';
import { IpcError } from '../../ipc/ipc-error';
import { isPlatformError } from '../../platform/platform-error';
import { isLocalId } from '../operations/public';
import { listResourceViews } from './queries';

/** Resources read from the cache; provisioning is offline-first (queued, pushed exactly once). */
export function createResourceHandlers(
  ctx: BackendContext,
): FeatureHandlers<CommandOf<typeof resourcesCommands>> {
  const { db } = ctx;
  // The platform's configuration changes only with a restart: the last answer is good offline.
  let lastKinds: ResourceKindAvailability[] | null = null;
  return {
    handlers: {
      async 'resources:kinds'() {
        const client = ctx.platform.client();
        if (client) {
          try {
            lastKinds = (await client.get('/v1/resources/kinds', ResourceKindsAnswer)).items;
          } catch (error) {
            if (!isPlatformError(error) || error.code !== 'platform_unreachable') throw error;
          }
        }
        if (lastKinds) return { items: lastKinds, known: true };
        return {
          items: ResourceKind.options.map((kind) => ({ kind, available: true, reason: null })),
          known: false,
        };
      },
      'resources:list': ({ serviceId }) => listResourceViews(db, serviceId),
      'resources:estimate': ({ kind, size }) => estimateResource(kind, size),
      'resources:provision': (args) => ctx.enqueue('resource.provision', args),
      'resources:deprovision': (args) => {
        if (isLocalId(args.resourceId)) {
          throw new IpcError(
            'not_sent_yet',
            'This resource is still queued on this device. Discard its provisioning in the pending changes instead.',
          );
        }
        return ctx.enqueue('resource.deprovision', args);
      },
    },
  };
}
