import type { Pool } from 'pg';
import type { Team } from '../../../shared/api/directory';
import type { Service } from '../../../shared/features/catalog/api';
import type { ApiEntity, SystemEntity } from '../../../shared/features/backstage/entity';
import type { Tx } from '../../db/transaction';
import { listTeams } from '../../directory/teams';
import { listServices } from '../catalog/public';
import type { ComponentFields } from './component-mapping';
import type { GroupFields } from './group-mapping';

/** Everything an import compares against and an export writes: Pave's catalog plus the kept fields. */
export interface CatalogState {
  teams: Team[];
  services: Service[];
  serviceFields: Map<string, ComponentFields>;
  teamFields: Map<string, GroupFields>;
  /** Systems and APIs by `Kind:name`. */
  kept: Map<string, SystemEntity | ApiEntity>;
}

export const keptKey = (kind: string, name: string): string => `${kind}:${name.toLowerCase()}`;

export async function readCatalogState(db: Pool | Tx): Promise<CatalogState> {
  // One after another: a transaction's client runs one query at a time.
  const teams = await listTeams(db);
  const services = await listServices(db);
  const serviceFields = await db.query<{ service_id: string; fields: ComponentFields }>(
    'SELECT * FROM backstage_service_fields',
  );
  const teamFields = await db.query<{ team_id: string; fields: GroupFields }>(
    'SELECT * FROM backstage_team_fields',
  );
  const kept = await db.query<{ kind: string; name: string; entity: SystemEntity | ApiEntity }>(
    'SELECT kind, name, entity FROM backstage_entities ORDER BY kind, name',
  );
  return {
    teams,
    services,
    serviceFields: new Map(serviceFields.rows.map((row) => [row.service_id, row.fields])),
    teamFields: new Map(teamFields.rows.map((row) => [row.team_id, row.fields])),
    kept: new Map(kept.rows.map((row) => [keptKey(row.kind, row.name), row.entity])),
  };
}
