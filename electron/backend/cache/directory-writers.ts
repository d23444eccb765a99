import { upsertSynced } from './upsert-synced';
import { entityWriter } from './synced-entities';

/** The directory (org, teams, users) is core: every feature reads it, none owns it. */
export const directoryWriters = [
  entityWriter({
    entity: 'org',
    table: 'org',
    put: (db, org) => upsertSynced(db, 'org', org.id, { name: org.name, is_demo: org.isDemo ? 1 : 0 }, org),
  }),
  entityWriter({
    entity: 'team',
    table: 'teams',
    put: (db, team) => upsertSynced(db, 'teams', team.id, { slug: team.slug, name: team.name }, team),
  }),
  entityWriter({
    entity: 'user',
    table: 'users',
    put: (db, user) =>
      upsertSynced(db, 'users', user.id, { name: user.name, email: user.email ?? '', role: user.role }, user),
  }),
];
