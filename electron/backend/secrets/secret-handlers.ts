import type { Database } from 'better-sqlite3';
import { SecretMeta } from '../../../shared/features/secrets/api';
import type { IpcHandlers } from '../ipc/dispatch';
import { IpcError } from '../ipc/ipc-error';
import type { PlatformClient } from '../platform/platform-client';
import { isPlatformError } from '../platform/platform-error';
import { prepared } from '../cache/prepared';

export type SecretHandlers = Pick<IpcHandlers, 'secrets:list' | 'secrets:set' | 'secrets:rotate'>;

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
export function createSecretHandlers(deps: {
  db: Database;
  platform: { client(): PlatformClient | null };
}): SecretHandlers {
  const { db } = deps;

  const online = async <T>(call: (client: PlatformClient) => Promise<T>): Promise<T> => {
    const client = deps.platform.client();
    if (!client) throw offline();
    try {
      return await call(client);
    } catch (err) {
      if (isPlatformError(err) && err.code === 'platform_unreachable') throw offline();
      throw err;
    }
  };

  return {
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
}
