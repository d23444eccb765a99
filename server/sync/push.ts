import type { Pool } from 'pg';
import type { z } from 'zod';
import { ApiErrorCode } from '../../shared/api/errors';
import {
  PushErrorCode,
  type Mutation,
  type MutationRejection,
  type MutationResult,
  type PushRequest,
  type PushResponse,
} from '../../shared/api/push';
import { writeAudit } from '../audit/audit-log';
import type { Principal } from '../auth/tokens';
import { withTransaction, type Tx } from '../db/transaction';
import { findBrokenText } from '../../shared/api/text';
import { ApiError, fromDatabaseError } from '../http/api-error';
import type { MutationRegistry } from './mutation-registry';

interface StoredResultRow {
  mutation_id: string;
  status: 'applied' | 'rejected';
  result: unknown;
  reason: MutationRejection | null;
}

const toResult = (row: StoredResultRow): MutationResult =>
  row.status === 'applied'
    ? {
        id: Number(row.mutation_id),
        status: 'applied',
        ...(row.result !== null ? { result: row.result } : {}),
      }
    : {
        id: Number(row.mutation_id),
        status: 'rejected',
        reason: row.reason ?? { code: 'rejected', message: '' },
      };

/**
 * The rejection a failed handler deserves, or null when the failure is transient ("try again
 * later"). The database refusing the input (SQLSTATE class 22, constraint violations) is the
 * caller's fault and permanent: answering 503 would make the client resend it for ever, with
 * every later change stuck behind it (docs/architecture.md, "Sync and push").
 */
function rejectionOf(err: unknown): ApiError | null {
  if (err instanceof ClientNotYours) return null;
  if (err instanceof ApiError) {
    return err.status < 500 && err.code !== PushErrorCode.idempotencyInProgress ? err : null;
  }
  return fromDatabaseError(err);
}

const describe = (error: z.ZodError): string =>
  error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');

/** A client id is bound to the user who first pushed with it; nobody else may write as it. */
class ClientNotYours extends ApiError {
  constructor() {
    super(403, ApiErrorCode.forbidden, 'this client id belongs to another user');
  }
}

/**
 * Locks (creating if needed) the client's row: its lock serializes concurrent pushes of one
 * client, so each mutation id is decided exactly once. A client id owned by another user → 403.
 */
async function lockClient(tx: Tx, clientId: string, userId: string): Promise<number> {
  await tx.query(
    'INSERT INTO client_state (client_id, user_id) VALUES ($1, $2) ON CONFLICT (client_id) DO NOTHING',
    [clientId, userId],
  );
  const { rows } = await tx.query<{ user_id: string; last_mutation_id: string }>(
    'SELECT user_id, last_mutation_id FROM client_state WHERE client_id = $1 FOR UPDATE',
    [clientId],
  );
  const row = rows[0];
  if (!row) throw new Error(`client_state ${clientId} vanished`);
  if (row.user_id !== userId) throw new ClientNotYours();
  return Number(row.last_mutation_id);
}

async function storedResult(db: Pool | Tx, clientId: string, mutationId: number): Promise<MutationResult> {
  const { rows } = await db.query<StoredResultRow>(
    'SELECT mutation_id, status, result, reason FROM mutation_results WHERE client_id = $1 AND mutation_id = $2',
    [clientId, mutationId],
  );
  const row = rows[0];
  // Each client's newest results are kept (server/maintenance/prune-mutation-results.ts: more than
  // the one batch a client may resend); a missing one means an id the client skipped below an
  // answered one, which it never sends (ids only grow).
  if (!row) {
    return {
      id: mutationId,
      status: 'rejected',
      reason: {
        code: 'unknown_result',
        message: `mutation ${mutationId} was never received by the platform`,
      },
    };
  }
  return toResult(row);
}

/**
 * Stores the answer. For an `anonymous` mutation (a survey answer) only the day is kept, and the
 * client's updated_at is left as it was, so no row says when this person answered
 * (docs/architecture.md, "Numbers").
 */
async function record(
  tx: Tx,
  clientId: string,
  m: Mutation,
  result: MutationResult,
  anonymous = false,
): Promise<void> {
  await tx.query(
    `INSERT INTO mutation_results (client_id, mutation_id, name, status, result, reason, at)
     VALUES ($1, $2, $3, $4, $5, $6,
             CASE WHEN $7 THEN date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' ELSE now() END)`,
    [
      clientId,
      m.id,
      m.name,
      result.status,
      result.status === 'applied' && result.result !== undefined ? JSON.stringify(result.result) : null,
      result.status === 'rejected' ? JSON.stringify(result.reason) : null,
      anonymous,
    ],
  );
  await tx.query(
    `UPDATE client_state SET last_mutation_id = $2, updated_at = CASE WHEN $3 THEN updated_at ELSE now() END
      WHERE client_id = $1`,
    [clientId, m.id, anonymous],
  );
}

const reject = (m: Mutation, code: string, message: string): MutationResult => ({
  id: m.id,
  status: 'rejected',
  reason: { code, message },
});

/** Applies one mutation in ONE transaction, or records why it was rejected. */
async function applyOne(
  pool: Pool,
  registry: MutationRegistry,
  principal: Principal,
  clientId: string,
  m: Mutation,
  now: Date,
): Promise<MutationResult> {
  try {
    return await withTransaction(pool, async (tx) => {
      const last = await lockClient(tx, clientId, principal.userId);
      // A concurrent push of the same client answered it while we waited for the lock.
      if (m.id <= last) return storedResult(tx, clientId, m.id);
      const def = registry.get(m.name);
      let result: MutationResult;
      if (!def) {
        result = reject(m, PushErrorCode.unknownMutation, `unknown mutation ${m.name}`);
      } else if (def.maxAgeMs !== undefined && now.getTime() - Date.parse(m.createdAt) > def.maxAgeMs) {
        result = reject(
          m,
          PushErrorCode.expired,
          `${m.name} is older than ${Math.round(def.maxAgeMs / 60_000)} min; confirm it again to send it`,
        );
      } else {
        const broken = findBrokenText(m.args, 'args');
        const args = def.args.safeParse(m.args);
        if (broken) {
          result = reject(m, ApiErrorCode.validation, `${m.name}: ${broken.path}: ${broken.problem}`);
        } else if (!args.success) {
          result = reject(m, ApiErrorCode.validation, `${m.name}: ${describe(args.error)}`);
        } else {
          const value = await def.handle(
            {
              tx,
              principal,
              clientId,
              mutationId: m.id,
              idempotencyKey: m.idempotencyKey,
              createdAt: m.createdAt,
            },
            args.data,
          );
          result = { id: m.id, status: 'applied', ...(value !== undefined ? { result: value } : {}) };
          if (!def.anonymous) {
            await writeAudit(tx, principal.userId, m.name, 'mutation', `${clientId}/${m.id}`, {
              clientId,
              mutationId: m.id,
              idempotencyKey: m.idempotencyKey,
            });
          }
        }
      }
      await record(tx, clientId, m, result, def?.anonymous);
      return result;
    });
  } catch (err) {
    const rejection = rejectionOf(err);
    if (!rejection) throw err;
    // The handler's effect rolled back; record the rejection on its own so it never blocks the queue.
    return withTransaction(pool, async (tx) => {
      const last = await lockClient(tx, clientId, principal.userId);
      if (m.id <= last) return storedResult(tx, clientId, m.id);
      const result = reject(m, rejection.code, rejection.message);
      await record(tx, clientId, m, result, registry.get(m.name)?.anonymous);
      return result;
    });
  }
}

/**
 * `POST /v1/sync/push`: each mutation in order, exactly once. Ids at or below the client's
 * last_mutation_id are answered from storage (a lost response resent). A transient failure
 * (database down, a bug) stops the batch: the results so far are answered, or 503 `unavailable`
 * when there are none, and the client resends from the first unanswered mutation.
 */
export async function processPush(
  pool: Pool,
  registry: MutationRegistry,
  principal: Principal,
  request: PushRequest,
  log: (err: unknown, mutation: Mutation) => void,
  now: () => Date = () => new Date(),
): Promise<PushResponse> {
  const results: MutationResult[] = [];
  let last = 0;
  try {
    const { rows } = await pool.query<{ user_id: string; last_mutation_id: string }>(
      'SELECT user_id, last_mutation_id FROM client_state WHERE client_id = $1',
      [request.clientId],
    );
    if (rows[0] && rows[0].user_id !== principal.userId) throw new ClientNotYours();
    last = Number(rows[0]?.last_mutation_id ?? 0);
  } catch (err) {
    if (err instanceof ApiError) throw err;
    log(err, request.mutations[0] as Mutation);
    throw unavailable();
  }
  for (const m of request.mutations) {
    try {
      const result =
        m.id <= last
          ? await storedResult(pool, request.clientId, m.id)
          : await applyOne(pool, registry, principal, request.clientId, m, now());
      results.push(result);
      last = Math.max(last, m.id);
    } catch (err) {
      if (err instanceof ClientNotYours) throw err;
      log(err, m);
      break;
    }
  }
  if (!results.length) throw unavailable();
  return { results, lastMutationId: last };
}

const unavailable = () =>
  new ApiError(
    503,
    PushErrorCode.unavailable,
    'the platform cannot process mutations right now; retry later',
  );
