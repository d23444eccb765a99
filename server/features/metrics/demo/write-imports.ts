import type { Tx } from '../../../db/transaction';
import type { DemoHistory } from './generate-history';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The history from before the platform, written as the import would have written it
 * (POST /v1/metrics/imports): one statement per table.
 */
export async function writeImportedHistory(tx: Tx, history: DemoHistory): Promise<void> {
  const deployments = history.importedDeployments;
  await tx.query(
    `INSERT INTO imported_deployments (service_id, environment, commit_sha, committed_at, deployed_at, status)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[])`,
    [
      deployments.map((row) => row.serviceId),
      deployments.map((row) => row.environment),
      deployments.map((row) => row.commitSha),
      deployments.map((row) => iso(row.committedAt)),
      deployments.map((row) => iso(row.deployedAt)),
      deployments.map((row) => row.status),
    ],
  );
  const incidents = history.importedIncidents;
  await tx.query(
    `INSERT INTO imported_incidents (service_id, opened_at, resolved_at, title)
     SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::text[])`,
    [
      incidents.map((row) => row.serviceId),
      incidents.map((row) => iso(row.openedAt)),
      incidents.map((row) => iso(row.resolvedAt)),
      incidents.map((row) => row.title),
    ],
  );
}

/** The org-wide launch date in the metrics settings, a year before the seeding day. */
export async function writeLaunchDate(tx: Tx, launchDate: number): Promise<void> {
  await tx.query('UPDATE metrics_settings SET launch_date = $1', [iso(launchDate)]);
}
