import type { z } from 'zod';
import { ExportedYaml, ImportAccepted, ImportReport } from '../../../../shared/features/backstage/api';
import type { backstageCommands } from '../../../../shared/features/backstage/ipc';
import type { BackendContext, CommandOf, FeatureHandlers } from '../../composition/backend-feature';
import { IpcError } from '../../ipc/ipc-error';
import { isPlatformError } from '../../platform/platform-error';
import type { PlatformClient } from '../../platform/platform-client';

type BackstageHandlers = FeatureHandlers<CommandOf<typeof backstageCommands>>;

/** A platform answer parsed like every other; a wrong shape says where, not a stack trace. */
function parseAnswer<S extends z.ZodType>(schema: S, path: string, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new IpcError(
    'invalid_response',
    `${path}: unexpected response at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'schema mismatch'}`,
  );
}

const onlineOnly = (what: string) =>
  new IpcError(
    'offline',
    `${what} needs the platform, which is not reachable now. Nothing was changed; try again once connected.`,
  );

/**
 * Backstage import and export on the desktop: online only. An import changes everyone's catalog
 * and its dry run must be the platform's own answer, so nothing here is queued or cached; the
 * applied import is an operation, which syncs and streams like every other
 * (docs/architecture.md, "Operations").
 */
export function createBackstageHandlers(ctx: BackendContext): BackstageHandlers {
  const call = async <T>(what: string, work: (client: PlatformClient) => Promise<T>): Promise<T> => {
    const client = ctx.platform.client();
    if (!client) throw onlineOnly(what);
    try {
      return await work(client);
    } catch (error) {
      if (isPlatformError(error) && error.code === 'platform_unreachable') throw onlineOnly(what);
      throw error;
    }
  };
  return {
    handlers: {
      'backstage:dry-run': (request) =>
        call('Checking a catalog import', async (client) =>
          parseAnswer(
            ImportReport,
            '/v1/catalog/imports/dry-run',
            await client.write('POST', '/v1/catalog/imports/dry-run', request),
          ),
        ),
      'backstage:import': (request) =>
        call('Importing a catalog', async (client) =>
          parseAnswer(
            ImportAccepted,
            '/v1/catalog/imports',
            await client.write('POST', '/v1/catalog/imports', request),
          ),
        ),
      'backstage:export': ({ scope }) =>
        call('Exporting the catalog', (client) =>
          client.get(`/v1/catalog/export?${new URLSearchParams({ scope }).toString()}`, ExportedYaml),
        ),
    },
  };
}
