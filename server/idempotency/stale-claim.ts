/**
 * How long a REST request may hold its Idempotency-Key claim ("running") before a retry may take
 * it over. The REST wrapper commits the claim before the handler runs and stores the answer when
 * it is sent (idempotency-route.ts); a platform that crashes in between leaves the key "running",
 * and without a lease every retry would get 409 "still running" until the key expired a day
 * later. Handlers answer in seconds (long work is an operation, docs/architecture.md,
 * "Operations"), so a claim older than this belongs to a request that will never answer: the
 * retry runs it again, as the client asked. Push mutations claim and answer in one transaction
 * and never leave a claim behind.
 */
export const CLAIM_LEASE_SECONDS = 120;

/**
 * SQL for "this key row may be taken over as new": past its lifetime (`$ttlHours`), or a claim
 * still running past its lease (`$leaseSeconds`). Both are parameter placeholders of the caller.
 */
export function takeoverCondition(ttlHours: string, leaseSeconds: string): string {
  return `(created_at < now() - make_interval(hours => ${ttlHours})
           OR (state = 'running' AND created_at < now() - make_interval(secs => ${leaseSeconds})))`;
}
