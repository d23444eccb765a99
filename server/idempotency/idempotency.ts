import { createHash, createHmac } from 'node:crypto';
import type { Tx } from '../db/transaction';
import { ApiError } from '../http/api-error';
import { PushErrorCode } from '../../shared/api/push';
import { CLAIM_LEASE_SECONDS, takeoverCondition } from './stale-claim';

/**
 * Idempotency-Key (IETF draft-ietf-httpapi-idempotency-key-header): same key + same payload →
 * the same stored response; same key + another payload → 422; same key while the first request
 * is still running → 409; keys are scoped per user and expire after 24 h.
 * @see https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/
 */

export const IDEMPOTENCY_TTL_HOURS = 24;

export interface IdempotencyScope {
  userId: string;
  key: string;
  /**
   * What the request means. A push mutation and a REST route that should resolve to the same
   * result for the same key must pass the same value (e.g. `['service.deploy', {serviceId, …}]`).
   */
  fingerprint: unknown;
}

/** A stored answer: what a replay sends back. */
export interface IdempotentResponse {
  status: number;
  /** JSON-serializable; undefined for an empty body (204). */
  body: unknown;
}

/** Stable JSON (sorted keys), so `{a,b}` and `{b,a}` are the same payload. */
function canonicalJson(value: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([, x]) => x !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, x]) => [k, canonical(x)]),
      );
    }
    return v;
  };
  return JSON.stringify(canonical(value)) ?? 'undefined';
}

const HMAC_PREFIX = 'hmac-sha256:';

/**
 * The stored fingerprint: an HMAC keyed with the server's own `idempotency` key (server_keys,
 * migration 042), so a dump of idempotency_keys cannot be checked against guessed bodies — a
 * secret PUT's body is the secret (docs/architecture.md, "Sync and push").
 */
export function fingerprintOf(value: unknown, key: Buffer): string {
  return HMAC_PREFIX + createHmac('sha256', key).update(canonicalJson(value)).digest('hex');
}

/** Rows written before migration 042 hold an unkeyed SHA-256; they expire within the TTL. */
function sameRequest(stored: string, value: unknown, key: Buffer): boolean {
  if (stored.startsWith(HMAC_PREFIX)) return stored === fingerprintOf(value, key);
  return stored === createHash('sha256').update(canonicalJson(value)).digest('hex');
}

async function fingerprintKey(tx: Tx): Promise<Buffer> {
  const { rows } = await tx.query<{ secret: Buffer }>(
    "SELECT secret FROM server_keys WHERE name = 'idempotency'",
  );
  if (!rows[0]) throw new Error('server_keys has no idempotency key (migration 042 not applied?)');
  return rows[0].secret;
}

export const keyReused = () =>
  new ApiError(
    422,
    PushErrorCode.idempotencyKeyReused,
    'this Idempotency-Key was already used for a different request; use a new key',
  );
export const keyInProgress = () =>
  new ApiError(
    409,
    PushErrorCode.idempotencyInProgress,
    'a request with this Idempotency-Key is still being processed; retry later',
  );

interface KeyRow {
  fingerprint: string;
  state: 'running' | 'done';
  response_status: number | null;
  response_body: string | null;
  expired: boolean;
}

export type ClaimOutcome = { kind: 'claimed' } | { kind: 'replay'; response: IdempotentResponse };

/**
 * Claims `scope.key` for this request inside `tx`, or says what to answer instead: a stored
 * response to replay, or throws 422 (other payload) / 409 (first request still running). An
 * expired key (older than 24 h) is taken over. The claim is visible to others when `tx` commits;
 * until then a concurrent claim of the same key waits on the row.
 */
export async function claimIdempotencyKey(tx: Tx, scope: IdempotencyScope): Promise<ClaimOutcome> {
  const key = await fingerprintKey(tx);
  const fingerprint = fingerprintOf(scope.fingerprint, key);
  const inserted = await tx.query(
    `INSERT INTO idempotency_keys (user_id, key, fingerprint, state) VALUES ($1, $2, $3, 'running')
     ON CONFLICT (user_id, key) DO NOTHING`,
    [scope.userId, scope.key, fingerprint],
  );
  if (inserted.rowCount) return { kind: 'claimed' };
  const { rows } = await tx.query<KeyRow>(
    `SELECT fingerprint, state, response_status, response_body, ${takeoverCondition('$3', '$4')} AS expired
       FROM idempotency_keys WHERE user_id = $1 AND key = $2 FOR UPDATE`,
    [scope.userId, scope.key, IDEMPOTENCY_TTL_HOURS, CLAIM_LEASE_SECONDS],
  );
  const row = rows[0];
  if (!row || row.expired) {
    // Gone (freed by a 5xx between our insert and select), expired, or a claim a crash left
    // running past its lease (stale-claim.ts): start afresh.
    await tx.query(
      `INSERT INTO idempotency_keys (user_id, key, fingerprint, state) VALUES ($1, $2, $3, 'running')
       ON CONFLICT (user_id, key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, state = 'running', response_status = NULL,
             response_body = NULL, created_at = now()`,
      [scope.userId, scope.key, fingerprint],
    );
    return { kind: 'claimed' };
  }
  if (!sameRequest(row.fingerprint, scope.fingerprint, key)) throw keyReused();
  if (row.state === 'running' || row.response_status === null) throw keyInProgress();
  return {
    kind: 'replay',
    response: {
      status: row.response_status,
      body: row.response_body === null ? undefined : (JSON.parse(row.response_body) as unknown),
    },
  };
}

/** Records the answer for a claimed key (in the claim's transaction or a later one). */
export async function completeIdempotencyKey(
  tx: Tx,
  scope: Pick<IdempotencyScope, 'userId' | 'key'>,
  response: IdempotentResponse,
): Promise<void> {
  await tx.query(
    `UPDATE idempotency_keys SET state = 'done', response_status = $3, response_body = $4
      WHERE user_id = $1 AND key = $2`,
    [
      scope.userId,
      scope.key,
      response.status,
      response.body === undefined ? null : JSON.stringify(response.body),
    ],
  );
}

/**
 * Runs `work` at most once per (user, key) INSIDE the caller's transaction: the effect and the
 * stored answer commit together. Push mutation handlers use this (`ctx.idempotencyKey`), and the
 * REST wrapper stores its answers in the same table, so a mutation and a REST call with the same
 * key and fingerprint resolve to the same result.
 */
export async function runIdempotent(
  tx: Tx,
  scope: IdempotencyScope,
  work: () => Promise<IdempotentResponse>,
): Promise<IdempotentResponse & { replayed: boolean }> {
  const claim = await claimIdempotencyKey(tx, scope);
  if (claim.kind === 'replay') return { ...claim.response, replayed: true };
  const response = await work();
  await completeIdempotencyKey(tx, scope, response);
  return { ...response, replayed: false };
}
