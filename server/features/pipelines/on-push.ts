import type { FastifyBaseLogger } from 'fastify';
import type { Pool } from 'pg';
import { withTransaction } from '../../db/transaction';
import type { Push } from '../git/public';
import { requestPipelineRun } from './request-run';

const MAIN = 'refs/heads/main';

/**
 * The git push listener: every push that moves main starts a run of its new head, requested by
 * the pusher (whose right to push was checked by git hosting; the run checks it again).
 */
export function runOnPush(pool: Pool, log: FastifyBaseLogger) {
  return async (push: Push): Promise<void> => {
    if (push.ref !== MAIN || /^0+$/.test(push.after)) return;
    const head = push.commits.find((commit) => commit.sha === push.after);
    const { run } = await withTransaction(pool, (tx) =>
      requestPipelineRun(
        tx,
        push.pusher,
        {
          serviceId: push.serviceId,
          commit: head ? { sha: head.sha, message: head.message, committedAt: head.committedAt } : undefined,
          commitSha: push.after,
        },
        null,
      ),
    );
    log.info({ runId: run.id, service: push.serviceName, sha: push.after }, 'pipeline run queued by a push');
  };
}
