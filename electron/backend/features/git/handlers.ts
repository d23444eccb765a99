import { ServiceRepositoryView } from '../../../../shared/features/git/api';
import type { gitCommands, ServiceSource } from '../../../../shared/features/git/ipc';
import type { BackendContext, CommandOf, FeatureHandlers } from '../../composition/backend-feature';
import { IpcError } from '../../ipc/ipc-error';
import { isPlatformError } from '../../platform/platform-error';
import { cachedSource, storeSource } from './source-cache';

type GitHandlers = FeatureHandlers<CommandOf<typeof gitCommands>>;

const offline = () =>
  new IpcError(
    'offline',
    'The Source section needs the platform once; it is not reachable now. It shows the last answer after that.',
  );

/**
 * The Source view of a service: read from the platform whenever it is reachable (commits are not
 * synced), kept per service so the section still shows offline, marked as of when it was fetched.
 * Not announced with `tablesChanged`: the query that asked is the one that reads it.
 */
export function createGitHandlers(ctx: BackendContext): GitHandlers {
  const { db } = ctx;
  const handlers: GitHandlers['handlers'] = {
    async 'git:repository'({ serviceId }) {
      const client = ctx.platform.client();
      if (client) {
        const fetchedAt = ctx.now().toISOString();
        try {
          const view = await client.get(
            `/v1/services/${encodeURIComponent(serviceId)}/repository`,
            ServiceRepositoryView,
          );
          const source: ServiceSource = {
            ...view,
            cloneUrl: `${client.url.replace(/\/+$/, '')}${view.clonePath}`,
            fetchedAt,
            fromCache: false,
          };
          storeSource(db, serviceId, fetchedAt, source);
          return source;
        } catch (error) {
          if (isPlatformError(error) && error.status === 404) {
            // A catalog entry whose code lives elsewhere: nothing to clone from the platform.
            storeSource(db, serviceId, fetchedAt, null);
            return null;
          }
          if (!isPlatformError(error) || error.code !== 'platform_unreachable') throw error;
        }
      }
      const cached = cachedSource(db, serviceId);
      if (cached === undefined) throw offline();
      return cached;
    },
  };
  return { handlers };
}
