import { z } from 'zod';
import type { EnvironmentName } from '../../../../shared/features/catalog/api';
import { Operation, type OperationKind } from '../../../../shared/features/operations/api';
import { loadIdentity } from '../../settings/platform-settings';
import type { LocalMutatorContext } from '../../outbox/local-mutator';

/** Ids of rows that exist only on this device until the platform's real ones sync down. */
export const LOCAL_ID_PREFIX = 'local-';
export const isLocalId = (id: string): boolean => id.startsWith(LOCAL_ID_PREFIX);

const AppliedResult = z.object({ operationId: z.string() });

export interface IntentFacts {
  /** The intent's idempotency key: it names its placeholder rows. */
  key: string;
  /** The platform accepted it and named the real operation, which the cache already holds. */
  realOperationSynced: boolean;
}

/**
 * What the outbox knows of the job-creating intent being applied. Once its real operation has
 * synced down, the intent writes nothing and rebase drops the placeholders (a placeholder too
 * would list the job twice).
 */
export function intentFacts(ctx: LocalMutatorContext): IntentFacts {
  const row = ctx.db
    .prepare('SELECT idempotency_key, result FROM outbox WHERE mutation_id = ?')
    .get(ctx.mutationId) as { idempotency_key: string; result: string | null } | undefined;
  const applied = row?.result ? AppliedResult.safeParse(JSON.parse(row.result)) : null;
  return {
    key: row?.idempotency_key ?? String(ctx.mutationId),
    realOperationSynced: Boolean(applied?.success && ctx.read('operation', applied.data.operationId)),
  };
}

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
