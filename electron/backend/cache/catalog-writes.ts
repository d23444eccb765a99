import type { Database } from 'better-sqlite3';
import type { Environment, Service } from '../../../shared/features/catalog/api';
import type { Org, Team, User } from '../../../shared/api/directory';
import type { ChangeEntry } from '../../../shared/contract';
import { backlogTables, putBacklogItem, putBacklogWeights, putSupportRequest } from '../backlog/backlog-rows';
import { putSurvey, surveyTables } from '../surveys/survey-rows';
import {
  putAlertRule,
  putDeployment,
  putIncident,
  selfServiceTables,
} from '../deployments/self-service-rows';
import { putOperation, putResource, putSecret, resourceTables } from '../resources/resource-rows';
import { syncedTables } from './migrations';
import { prepared } from './prepared';
import { upsertSynced } from './upsert-synced';

/**
 * Writes of synced rows. Every function returns the tables it touched so the backend can emit
 * `tables:changed` and the renderer invalidates exactly the queries that read them (STYLE.md §8).
 * Callers own the transaction: the sync engine wraps a whole page plus its cursor in one.
 */

export type TouchedTables = Set<string>;

const teamNameSql = `COALESCE((SELECT name FROM teams WHERE id = ?), '')`;

function putOrg(db: Database, org: Org): void {
  upsertSynced(db, 'org', org.id, { name: org.name, is_demo: org.isDemo ? 1 : 0 }, org);
}

function putTeam(db: Database, team: Team): void {
  upsertSynced(db, 'teams', team.id, { slug: team.slug, name: team.name }, team);
  refreshTeamNameInSearch(db, team.id);
}

/** The owner team's name is searchable, so a team rename or delete re-indexes its services. */
function refreshTeamNameInSearch(db: Database, teamId: string): void {
  prepared(
    db,
    `UPDATE services_fts SET team_name = ${teamNameSql}
     WHERE rowid IN (SELECT rowid FROM services WHERE owner_team_id = ?)`,
  ).run(teamId, teamId);
}

function putUser(db: Database, user: User): void {
  upsertSynced(db, 'users', user.id, { name: user.name, email: user.email, role: user.role }, user);
}

function putService(db: Database, s: Service): void {
  // The upsert keeps the row's rowid, which is also its services_fts rowid.
  upsertSynced(
    db,
    'services',
    s.id,
    {
      name: s.name,
      title: s.title,
      description: s.description,
      owner_team_id: s.ownerTeamId,
      tier: s.tier,
      lifecycle: s.lifecycle,
      tags: JSON.stringify(s.tags),
      updated_at: s.updatedAt,
    },
    s,
  );
  const { rowid } = prepared(db, 'SELECT rowid FROM services WHERE id = ?').get(s.id) as { rowid: number };
  prepared(db, 'DELETE FROM services_fts WHERE rowid = ?').run(rowid);
  prepared(
    db,
    `INSERT INTO services_fts (rowid, name, title, description, tags, team_name)
     VALUES (?, ?, ?, ?, ?, ${teamNameSql})`,
  ).run(rowid, s.name, s.title, s.description, s.tags.join(' '), s.ownerTeamId);
}

function putEnvironment(db: Database, env: Environment): void {
  upsertSynced(db, 'environments', env.id, { name: env.name, position: env.position }, env);
}

export const tableOf = {
  org: 'org',
  team: 'teams',
  user: 'users',
  service: 'services',
  environment: 'environments',
  ...backlogTables,
  ...surveyTables,
  ...selfServiceTables,
  ...resourceTables,
} as const;

function deleteEntity(db: Database, entity: ChangeEntry['entity'], id: string, touched: TouchedTables): void {
  if (entity === 'service') {
    prepared(db, 'DELETE FROM services_fts WHERE rowid = (SELECT rowid FROM services WHERE id = ?)').run(id);
  }
  const table = tableOf[entity];
  prepared(db, `DELETE FROM ${table} WHERE id = ?`).run(id);
  touched.add(table);
  if (entity === 'team') {
    refreshTeamNameInSearch(db, id);
    // Service rows show the owner team's name.
    touched.add('services');
  }
}

/** Applies one change-log entry; `del` deletes, `put` upserts the entity's full shape. */
export function applyChange(db: Database, change: ChangeEntry, touched: TouchedTables): void {
  if (change.op === 'del') {
    deleteEntity(db, change.entity, change.id, touched);
    return;
  }
  switch (change.entity) {
    case 'org':
      putOrg(db, change.data);
      break;
    case 'team':
      putTeam(db, change.data);
      touched.add('services');
      break;
    case 'user':
      putUser(db, change.data);
      break;
    case 'service':
      putService(db, change.data);
      break;
    case 'environment':
      putEnvironment(db, change.data);
      break;
    case 'backlog_item':
      putBacklogItem(db, change.data);
      break;
    case 'backlog_weights':
      putBacklogWeights(db, change.data);
      break;
    case 'support_request':
      putSupportRequest(db, change.data);
      break;
    case 'survey':
      putSurvey(db, change.data);
      break;
    case 'deployment':
      putDeployment(db, change.data);
      break;
    case 'alert_rule':
      putAlertRule(db, change.data);
      break;
    case 'incident':
      putIncident(db, change.data);
      break;
    case 'operation':
      putOperation(db, change.data);
      break;
    case 'resource':
      putResource(db, change.data);
      break;
    case 'secret':
      putSecret(db, change.data);
      break;
  }
  touched.add(tableOf[change.entity]);
}

/** Empties every synced table and forgets the cursor; the outbox and settings stay. */
export function clearSyncedData(db: Database, epoch: string | null): string[] {
  for (const table of syncedTables) prepared(db, `DELETE FROM ${table}`).run();
  prepared(db, 'UPDATE sync_state SET cursor = NULL, last_synced_at = NULL, epoch = ? WHERE id = 1').run(
    epoch,
  );
  return syncedTables.filter((t) => t !== 'services_fts');
}
