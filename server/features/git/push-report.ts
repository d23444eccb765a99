import { readFile } from 'node:fs/promises';
import type { FastifyBaseLogger } from 'fastify';
import type { Pool } from 'pg';
import { writeAudit } from '../../audit/audit-log';
import type { Principal } from '../../auth/tokens';
import { withTransaction } from '../../db/transaction';
import { recordEvent } from '../events/public';
import type { ServiceRepository } from '../self-service/public';
import { countCommits, listCommits, pushedRange } from './commit-log';
import type { Push, PushListener } from './public';

/** One line of post-receive's input: a ref the push moved. */
export interface RefUpdate {
  ref: string;
  before: string | null;
  after: string | null;
}

const ZERO = /^0+$/;
const MAX_COMMITS = 100;

/** The `<old> <new> <ref>` lines post-receive wrote; none when the push changed nothing. */
export async function readRefUpdates(reportFile: string): Promise<RefUpdate[]> {
  const text = await readFile(reportFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((parts): parts is [string, string, string] => parts.length === 3)
    .map(([before, after, ref]) => ({
      ref,
      before: ZERO.test(before) ? null : before,
      after: ZERO.test(after) ? null : after,
    }));
}

/**
 * What a stored push leads to, for each ref it moved: an audit row and (unless the ref was deleted)
 * a `push` event in one transaction, then every listener. Runs after git has updated the refs, so
 * nothing here can undo the push; a failure is logged, and a listener's failure stops no other.
 */
export async function announcePush(
  deps: { pool: Pool; log: FastifyBaseLogger; listeners: readonly PushListener[] },
  repository: ServiceRepository,
  pusher: Principal,
  updates: readonly RefUpdate[],
): Promise<void> {
  for (const update of updates) {
    let push: Push | null = null;
    try {
      push = await storePush(deps.pool, repository, pusher, update);
    } catch (error) {
      deps.log.error(
        { err: error, ref: update.ref, service: repository.serviceName },
        'recording a push failed',
      );
      continue;
    }
    if (!push) continue;
    for (const listener of deps.listeners) {
      try {
        await listener(push);
      } catch (error) {
        deps.log.error({ err: error, ref: push.ref, service: push.serviceName }, 'a push listener failed');
      }
    }
  }
}

async function storePush(
  pool: Pool,
  repository: ServiceRepository,
  pusher: Principal,
  update: RefUpdate,
): Promise<Push | null> {
  const { ref, before, after } = update;
  const detail = { ref, before, after };
  if (!after) {
    // A deleted branch or tag is audited, but it is no push of code: no event, no listeners.
    await withTransaction(pool, (tx) =>
      writeAudit(tx, pusher.userId, 'git.delete_ref', 'service', repository.serviceId, detail),
    );
    return null;
  }
  const range = pushedRange(ref, before, after);
  const [commits, count] = await Promise.all([
    listCommits(repository.bareRepo, range, MAX_COMMITS),
    countCommits(repository.bareRepo, range),
  ]);
  await withTransaction(pool, async (tx) => {
    await writeAudit(tx, pusher.userId, 'git.push', 'service', repository.serviceId, {
      ...detail,
      commits: count,
    });
    await recordEvent(tx, {
      kind: 'push',
      serviceId: repository.serviceId,
      actorId: pusher.userId,
      data: { ref, before, after, commits: count },
    });
  });
  return {
    serviceId: repository.serviceId,
    serviceName: repository.serviceName,
    ref,
    before,
    after,
    pusher,
    commits,
  };
}
