import type { Database } from 'better-sqlite3';
import type { PlatformClient } from '../platform/platform-client';
import { isPlatformError, PlatformError } from '../platform/platform-error';
import { markInFlight } from './in-flight';
import {
  clientIdOf,
  expireOverdue,
  markApplied,
  markRejected,
  markSent,
  nextBatch,
  noteSendFailure,
} from './outbox-store';

export interface PushRound {
  sent: number;
  applied: number;
  rejected: number;
  /** Mutations that turned needs_confirmation this round. */
  expired: number;
}

/** Mutations per request; the server accepts 1..100. */
export const PUSH_BATCH = 100;

/**
 * Sends every pending mutation, in id order, in batches (docs/architecture.md, "Sync and push"). Applied →
 * `applied` (kept until the pull brings its effect); rejected → `rejected` with the reason.
 * A transient failure throws (the sync engine backs off) and leaves the rest pending: the next
 * round sends the same ids again and the server answers those it already did from storage, so a
 * lost response never applies anything twice. Expired mutations are not sent.
 */
export async function pushPending(
  db: Database,
  client: PlatformClient,
  opts: { signal?: AbortSignal; now?: () => Date; batch?: number } = {},
): Promise<PushRound> {
  const now = opts.now ?? (() => new Date());
  const round: PushRound = { sent: 0, applied: 0, rejected: 0, expired: 0 };
  round.expired = expireOverdue(db, now().toISOString());
  const clientId = clientIdOf(db);
  for (;;) {
    const mutations = nextBatch(db, opts.batch ?? PUSH_BATCH, clientId);
    if (!mutations.length) return round;
    const ids = mutations.map((m) => m.id);
    markSent(db, ids, now().toISOString());
    const sent = markInFlight(db, ids);
    let response: Awaited<ReturnType<PlatformClient['push']>>;
    try {
      response = await client.push({ clientId, mutations }, opts.signal ? { signal: opts.signal } : {});
    } catch (err) {
      sent();
      if (!opts.signal?.aborted) noteSendFailure(db, ids, failureReason(err));
      throw err;
    }
    if (opts.signal?.aborted) {
      sent();
      return round;
    }
    const settledAt = now().toISOString();
    db.transaction(() => {
      for (const result of response.results) {
        if (result.status === 'applied') {
          markApplied(db, result.id, result.result, settledAt);
          round.applied += 1;
        } else {
          markRejected(db, result.id, result.reason, settledAt);
          round.rejected += 1;
        }
      }
    })();
    sent();
    round.sent += response.results.length;
    if (response.results.length < mutations.length) {
      // The server stopped at a transient failure; the rest stays pending for the next round.
      const error = new PlatformError(
        'platform_unreachable',
        `the platform processed ${response.results.length} of ${mutations.length} changes; retrying later`,
      );
      noteSendFailure(db, ids.slice(response.results.length), failureReason(error));
      throw error;
    }
  }
}

const failureReason = (err: unknown) =>
  isPlatformError(err)
    ? { code: err.code, message: err.message }
    : { code: 'push_failed', message: err instanceof Error ? err.message : String(err) };
