import { randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import type { Pool } from 'pg';
import type { ServiceVersion } from '../../../../shared/features/self-service/api';
import type { Tx } from '../../../db/transaction';
import { recordChange } from '../../../sync/change-log';
import { dataDirOf, insideDataDir } from './data-dir';

interface VersionRow {
  id: string;
  service_id: string;
  number: number;
  commit_sha: string;
  commit_message: string;
  committed_at: Date;
  artifact: string;
  source: 'pipeline' | 'deploy';
  pipeline_run_id: string | null;
  created_at: Date;
}

const toVersion = (row: VersionRow): ServiceVersion => ({
  id: row.id,
  serviceId: row.service_id,
  number: row.number,
  commitSha: row.commit_sha,
  commitMessage: row.commit_message,
  committedAt: row.committed_at.toISOString(),
  artifact: row.artifact,
  source: row.source,
  pipelineRunId: row.pipeline_run_id,
  createdAt: row.created_at.toISOString(),
});

export interface PublishVersionInput {
  serviceId: string;
  commit: { sha: string; message: string; committedAt: string };
  /** Absolute path of a .tar.gz inside the data dir (a packed, built workspace). */
  artifactFile: string;
  pipelineRunId: string | null;
}

export async function findVersion(
  db: Pool | Tx,
  serviceId: string,
  sha: string,
): Promise<ServiceVersion | null> {
  const { rows } = await db.query<VersionRow>(
    'SELECT * FROM versions WHERE service_id = $1 AND commit_sha = $2',
    [serviceId, sha],
  );
  return rows[0] ? toVersion(rows[0]) : null;
}

/**
 * Publishes a built commit as the service's next version number, in the caller's transaction.
 * Idempotent per (service, commit): a second call returns the first version and its artifact, so
 * a pipeline re-run or a deploy racing a pipeline never makes two versions of one commit.
 */
export async function publishVersion(
  tx: Tx,
  input: PublishVersionInput,
  source: ServiceVersion['source'] = input.pipelineRunId ? 'pipeline' : 'deploy',
): Promise<ServiceVersion> {
  if (!/^[0-9a-f]{40}$/.test(input.commit.sha)) throw new Error(`not a full commit sha: ${input.commit.sha}`);
  // Numbers are per service: serialize publishers of one service for the rest of the transaction.
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('pave.versions:' || $1))`, [input.serviceId]);
  const existing = await findVersion(tx, input.serviceId, input.commit.sha);
  if (existing) return existing;
  const artifact = insideDataDir(await dataDirOf(tx), input.artifactFile);
  await access(input.artifactFile).catch(() => {
    throw new Error(`artifact ${input.artifactFile} does not exist`);
  });
  const { rows } = await tx.query<VersionRow>(
    `INSERT INTO versions (id, service_id, number, commit_sha, commit_message, committed_at, artifact, source,
                           pipeline_run_id)
     VALUES ($1, $2, (SELECT COALESCE(MAX(number), 0) + 1 FROM versions WHERE service_id = $2), $3, $4, $5, $6, $7, $8)
     RETURNING *`,
    [
      randomUUID(),
      input.serviceId,
      input.commit.sha,
      input.commit.message,
      input.commit.committedAt,
      artifact,
      source,
      input.pipelineRunId,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('inserted version vanished');
  const version = toVersion(row);
  await recordChange(tx, 'version', version.id, 'put', version);
  return version;
}

/** A service's published versions, newest first. */
export async function listVersions(db: Pool | Tx, serviceId: string): Promise<ServiceVersion[]> {
  const { rows } = await db.query<VersionRow>(
    'SELECT * FROM versions WHERE service_id = $1 ORDER BY number DESC LIMIT 500',
    [serviceId],
  );
  return rows.map(toVersion);
}
