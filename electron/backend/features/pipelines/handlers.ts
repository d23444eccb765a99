import type { IpcOutput, IpcParsedInput } from '../../../../shared/contract';
import { Operation } from '../../../../shared/features/operations/api';
import type { BackendContext } from '../../composition/backend-feature';
import { IpcError } from '../../ipc/ipc-error';
import { servicePipelineRuns } from './queries';

/** Reads and enqueues are synchronous (SQLite); cancel asks the platform. */
interface PipelinesHandlers {
  handlers: {
    'pipelines:list': (input: IpcParsedInput<'pipelines:list'>) => IpcOutput<'pipelines:list'>;
    'pipelines:run': (input: IpcParsedInput<'pipelines:run'>) => IpcOutput<'pipelines:run'>;
    'pipelines:cancel': (input: IpcParsedInput<'pipelines:cancel'>) => Promise<IpcOutput<'pipelines:cancel'>>;
  };
}

/** Pipeline runs from the cache, "Run pipeline" through the outbox, and cancel (online). */
export function createPipelinesHandlers(ctx: BackendContext): PipelinesHandlers {
  return {
    handlers: {
      'pipelines:list': ({ serviceId }) => servicePipelineRuns(ctx.db, serviceId),
      'pipelines:run': (args) => ctx.enqueue('pipeline.run', args),
      async 'pipelines:cancel'({ operationId }) {
        const client = ctx.platform.client();
        if (!client) {
          throw new IpcError(
            'offline',
            'Cancelling a run needs the platform, which is not reachable now. Try again when online.',
          );
        }
        // The cancelled operation and run come back through sync; the answer is shown meanwhile.
        return Operation.parse(
          await client.write('POST', `/v1/operations/${encodeURIComponent(operationId)}/cancel`, undefined),
        );
      },
    },
  };
}
