import { SecretMeta } from '../../../../shared/features/secrets/api';
import type { secretsCommands } from '../../../../shared/features/secrets/ipc';
import { prepared } from '../../cache/prepared';
import type { BackendContext, CommandOf, FeatureHandlers } from '../../composition/backend-feature';
import { IpcError } from '../../ipc/ipc-error';
import type { PlatformClient } from '../../platform/platform-client';
import { isPlatformError } from '../../platform/platform-error';

export const OFFLINE_SECRET_MESSAGE =
  'Secrets are sent straight to the platform and never stored on this device; reconnect to set one.';

const offline = () => new IpcError('offline', OFFLINE_SECRET_MESSAGE);

const secretPath = (serviceId: string, environment: string, name: string) =>
  `/v1/services/${encodeURIComponent(serviceId)}/secrets/${environment}/${name}`;

/**
 * Secrets (issue 3 §5). Metadata is read from the cache; a value goes from the IPC input straight
 * into one HTTPS request and nowhere else: not SQLite, not the outbox (so never queued offline),
 * not a log line, not a response. Offline → a clear `offline` error instead of a queue.
 */
export function createSecretHandlers(
  ctx: BackendContext,
): FeatureHandlers<CommandOf<typeof secretsCommands>> {
  const { db } = ctx;

  const online = async <T>(call: (client: PlatformClient) => Promise<T>): Promise<T> => {
    const client = ctx.platform.client();
    if (!client) throw offline();
    try {
      return await call(client);
    } catch (err) {
      if (isPlatformError(err) && err.code === 'platform_unreachable') throw offline();
      throw err;
    }
  };

  const handlers: FeatureHandlers<CommandOf<typeof secretsCommands>>['handlers'] = {
    'secrets:list': ({ serviceId }) =>
      (
        prepared(db, 'SELECT data FROM secrets WHERE service_id = ? ORDER BY environment, name').all(
          serviceId,
        ) as { data: string }[]
      ).map((row) => SecretMeta.parse(JSON.parse(row.data))),
    'secrets:set': async ({ serviceId, environment, name, value }) => {
      await online((client) => client.write('PUT', secretPath(serviceId, environment, name), { value }));
      return {};
    },
    'secrets:rotate': async ({ serviceId, environment, name }) => {
      const body = await online((client) =>
        client.write('POST', `${secretPath(serviceId, environment, name)}/rotate`, undefined),
      );
      const meta = SecretMeta.safeParse(body);
      if (!meta.success) throw new IpcError('invalid_response', 'The platform answered the rotation oddly.');
      return meta.data;
    },
  };
  return { handlers };
}
