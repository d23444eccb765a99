import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import type { FastifyBaseLogger } from 'fastify';
import type { Pool } from 'pg';
import { withTransaction } from '../../db/transaction';
import type { Push } from '../git/public';
import { appendOperationEvent } from '../operations/public';
import { serviceRepositoryOf } from '../self-service/public';
import { applyImport } from './apply-import';
import { parseCatalogFiles } from './parse-documents';

const execFileAsync = promisify(execFile);
const MAIN = 'refs/heads/main';
export const CATALOG_FILE = 'catalog-info.yaml';

const gitEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: tmpdir(),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
});

const git = async (bareRepo: string, args: string[]): Promise<string> =>
  (await execFileAsync('git', ['-C', bareRepo, ...args], { env: gitEnv(), maxBuffer: 4 * 1024 * 1024 }))
    .stdout;

export type CatalogFileOutcome =
  { status: 'updated'; changes: string[] } | { status: 'unchanged' } | { status: 'refused'; reason: string };

/**
 * Applies a service's catalog-info.yaml (issue 14, point 3) through the import's own validation:
 * only the Component named like the service is read; an invalid one changes nothing and its
 * reason names the field.
 */
export async function applyCatalogFile(
  pool: Pool,
  actor: string,
  serviceName: string,
  text: string,
): Promise<CatalogFileOutcome> {
  const documents = parseCatalogFiles([{ path: CATALOG_FILE, text }]);
  const broken = documents.find((doc) => 'error' in doc);
  if (broken && 'error' in broken) return { status: 'refused', reason: broken.error };
  const own = documents.filter((doc) => {
    const value = (doc as { value?: { kind?: unknown; metadata?: { name?: unknown } } }).value;
    return value?.kind === 'Component' && value.metadata?.name === serviceName;
  });
  if (own.length !== 1) {
    return {
      status: 'refused',
      reason: `${CATALOG_FILE} must hold exactly one Component whose metadata.name is ${serviceName} (found ${own.length})`,
    };
  }
  const { report } = await applyImport(pool, actor, own, 'push');
  const refused = report.refused[0];
  if (refused) return { status: 'refused', reason: refused.reason };
  const updated = report.update[0];
  return updated ? { status: 'updated', changes: updated.changes } : { status: 'unchanged' };
}

/**
 * The git push listener: a push to main whose commits change catalog-info.yaml updates the
 * service's catalog entry, and the outcome is written as a `[catalog]` line into the log of the
 * pipeline run the same push started (pipelines installs before this feature, so its listener
 * has queued the run), where the pusher watches the push land.
 */
export function catalogOnPush(pool: Pool, log: FastifyBaseLogger) {
  return async (push: Push): Promise<void> => {
    if (push.ref !== MAIN || /^0+$/.test(push.after)) return;
    const repository = await serviceRepositoryOf(pool, push.serviceId);
    if (!repository) return;
    const changed = push.before
      ? (
          await git(repository.bareRepo, ['diff', '--name-only', push.before, push.after, '--', CATALOG_FILE])
        ).trim()
      : (await git(repository.bareRepo, ['ls-tree', '--name-only', push.after, '--', CATALOG_FILE])).trim();
    if (!changed) return;
    const text = await git(repository.bareRepo, ['show', `${push.after}:${CATALOG_FILE}`]).catch(() => null);
    const outcome: CatalogFileOutcome =
      text === null
        ? { status: 'refused', reason: `${CATALOG_FILE} was deleted; the catalog entry stays as it was` }
        : await applyCatalogFile(pool, push.pusher.userId, repository.serviceName, text);
    const line =
      outcome.status === 'updated'
        ? `[catalog] ${CATALOG_FILE}: updated the catalog entry (${outcome.changes.join(', ')})`
        : outcome.status === 'unchanged'
          ? `[catalog] ${CATALOG_FILE}: the catalog entry already says this`
          : `[catalog] ${CATALOG_FILE} refused, the catalog entry is unchanged: ${outcome.reason}`;
    log.info({ service: repository.serviceName, sha: push.after, outcome }, 'catalog-info.yaml pushed');
    const { rows } = await pool.query<{ id: string }>(
      `SELECT id FROM operations WHERE kind = 'pipeline.run' AND service_id = $1 AND input->>'commitSha' = $2
        ORDER BY created_at DESC LIMIT 1`,
      [push.serviceId, push.after],
    );
    const runOperation = rows[0];
    if (!runOperation) return;
    await withTransaction(pool, (tx) =>
      appendOperationEvent(tx, runOperation.id, {
        type: 'log',
        level: outcome.status === 'refused' ? 'error' : 'info',
        message: line,
      }),
    );
  };
}
