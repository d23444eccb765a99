import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { ImportKind, ImportReport } from '../../../../shared/features/metrics/api';
import type { Principal } from '../../../auth/tokens';
import { writeAudit } from '../../../audit/audit-log';
import type { Tx } from '../../../db/transaction';
import { parseImportFile, type FileFormat } from './parse-file';
import {
  DEPLOYMENT_COLUMNS,
  INCIDENT_COLUMNS,
  validateDeployments,
  validateIncidents,
  type DeploymentRecord,
  type ImportDirectory,
  type IncidentRecord,
} from './validate-rows';

export interface ImportRequest {
  kind: ImportKind;
  format: FileFormat;
  text: string;
  dryRun: boolean;
  partial: boolean;
}

/**
 * Imports history from before the platform (issue 10, point 2). Every row is validated; a file
 * with a refused row changes nothing unless `partial` asks for its good rows — never half a file
 * silently. Writing is idempotent on the natural key (ON CONFLICT DO NOTHING), and a dry run (or a
 * refused file) runs the very same statements in a transaction it rolls back, so the counts it
 * reports are the ones a real run gives.
 */
export async function runImport(
  pool: Pool,
  principal: Principal,
  request: ImportRequest,
): Promise<ImportReport> {
  const columns = request.kind === 'deployments' ? DEPLOYMENT_COLUMNS : INCIDENT_COLUMNS;
  const rows = parseImportFile(request.text, request.format, columns);
  const directory = await importDirectory(pool);
  const { records, refused } =
    request.kind === 'deployments'
      ? validateDeployments(rows, directory)
      : validateIncidents(rows, directory);
  const apply = !request.dryRun && (refused.length === 0 || request.partial);

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const importId = randomUUID();
    await client.query(
      `INSERT INTO metric_imports (id, kind, imported_by, accepted, duplicates, refused)
       VALUES ($1, $2, $3, 0, 0, $4)`,
      [importId, request.kind, principal.userId, refused.length],
    );
    const accepted =
      request.kind === 'deployments'
        ? await insertDeployments(client, importId, records as DeploymentRecord[])
        : await insertIncidents(client, importId, records as IncidentRecord[]);
    const report: ImportReport = {
      kind: request.kind,
      accepted,
      duplicates: records.length - accepted,
      refused,
      applied: apply,
    };
    if (apply) {
      await client.query('UPDATE metric_imports SET accepted = $2, duplicates = $3 WHERE id = $1', [
        importId,
        report.accepted,
        report.duplicates,
      ]);
      await writeAudit(client, principal.userId, 'metrics.import', 'metric_import', importId, {
        kind: request.kind,
        accepted: report.accepted,
        duplicates: report.duplicates,
        refused: refused.length,
      });
      await client.query('COMMIT');
    } else {
      await client.query('ROLLBACK');
    }
    return report;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function importDirectory(pool: Pool): Promise<ImportDirectory> {
  const [services, environments] = await Promise.all([
    pool.query<{ id: string; name: string }>('SELECT id, name FROM services'),
    pool.query<{ name: string }>('SELECT name FROM environments ORDER BY name'),
  ]);
  return {
    serviceIds: new Map(services.rows.map((row) => [row.name, row.id])),
    environments: environments.rows.map((row) => row.name),
    now: Date.now(),
  };
}

async function insertDeployments(
  tx: Tx,
  importId: string,
  records: readonly DeploymentRecord[],
): Promise<number> {
  if (!records.length) return 0;
  const { rowCount } = await tx.query(
    `INSERT INTO imported_deployments
       (import_id, service_id, environment, commit_sha, committed_at, deployed_at, status)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[])
     ON CONFLICT DO NOTHING`,
    [
      importId,
      records.map((r) => r.serviceId),
      records.map((r) => r.environment),
      records.map((r) => r.commitSha),
      records.map((r) => r.committedAt),
      records.map((r) => r.deployedAt),
      records.map((r) => r.status),
    ],
  );
  return rowCount ?? 0;
}

async function insertIncidents(
  tx: Tx,
  importId: string,
  records: readonly IncidentRecord[],
): Promise<number> {
  if (!records.length) return 0;
  const { rowCount } = await tx.query(
    `INSERT INTO imported_incidents (import_id, service_id, title, opened_at, resolved_at)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[])
     ON CONFLICT DO NOTHING`,
    [
      importId,
      records.map((r) => r.serviceId),
      records.map((r) => r.title),
      records.map((r) => r.openedAt),
      records.map((r) => r.resolvedAt),
    ],
  );
  return rowCount ?? 0;
}
