import path from 'node:path';
import type { Pool } from 'pg';
import type { Tx } from '../../../db/transaction';
import { dataDirOf } from '../versions/data-dir';

/** A service created from a template and its platform-owned bare repository. */
export interface ServiceRepository {
  serviceId: string;
  serviceName: string;
  ownerTeamId: string;
  templateId: string;
  /** Absolute path of the bare repository. */
  bareRepo: string;
}

async function repositoryWhere(
  db: Pool | Tx,
  where: string,
  value: string,
): Promise<ServiceRepository | null> {
  const { rows } = await db.query<{
    service_id: string;
    name: string;
    owner_team_id: string;
    template_id: string;
    path: string;
  }>(
    `SELECT sr.service_id, s.name, s.owner_team_id, sr.template_id, sr.path
       FROM service_repositories sr JOIN services s ON s.id = sr.service_id WHERE ${where} = $1`,
    [value],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    serviceId: row.service_id,
    serviceName: row.name,
    ownerTeamId: row.owner_team_id,
    templateId: row.template_id,
    bareRepo: path.join(await dataDirOf(db), row.path),
  };
}

export const findServiceRepository = (db: Pool | Tx, serviceName: string) =>
  repositoryWhere(db, 's.name', serviceName);

export const serviceRepositoryOf = (db: Pool | Tx, serviceId: string) =>
  repositoryWhere(db, 'sr.service_id', serviceId);
