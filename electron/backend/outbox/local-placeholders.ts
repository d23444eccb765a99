import type { EnvironmentName } from '../../../shared/features/catalog/api';
import { Operation, type OperationKind } from '../../../shared/features/operations/api';
import { loadIdentity } from '../settings/platform-settings';
import type { LocalMutatorContext } from './local-mutator';

/** Ids of rows that exist only on this device until the platform's real ones sync down. */
export const LOCAL_ID_PREFIX = 'local-';
export const isLocalId = (id: string): boolean => id.startsWith(LOCAL_ID_PREFIX);

/**
 * The queued operation a job-creating intent shows at once (deploy, rollback, create service,
 * provision, deprovision): the server's real one replaces it when it syncs down. The id derives
 * from the idempotency key, so re-applying the intent on rebase writes the same row.
 */
export function placeholderOperation(
  ctx: LocalMutatorContext,
  key: string,
  fields: {
    kind: OperationKind;
    serviceId: string | null;
    environment: EnvironmentName | null;
    input: object;
  },
): Operation {
  return Operation.parse({
    id: `${LOCAL_ID_PREFIX}op-${key}`,
    kind: fields.kind,
    status: 'queued',
    serviceId: fields.serviceId,
    environment: fields.environment,
    requestedBy: loadIdentity(ctx.db)?.user.id ?? 'you',
    idempotencyKey: key,
    input: fields.input,
    result: null,
    error: null,
    progress: 0,
    step: 'waiting to be sent to the platform',
    createdAt: ctx.createdAt,
    startedAt: null,
    finishedAt: null,
    updatedAt: ctx.createdAt,
  });
}
