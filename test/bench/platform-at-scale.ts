import { ServiceCreate } from '../../shared/features/catalog/api';
import { TeamCreate } from '../../shared/api/directory';
import { spawn } from 'node:child_process';
import { issueToken } from '../../server/auth/tokens';
import { ADMIN_USER_ID } from '../../server/directory/admin-user';
import { randomUUID } from 'node:crypto';
import { listServices } from '../../server/features/catalog/public';
import { recordChanges } from '../../server/sync/change-log';
import { createTeam } from '../../server/directory/teams';
import { withTransaction } from '../../server/db/transaction';
import { generateServices } from '../fixtures/catalog';
import { startBenchDatabase } from './bench-database';

/** A real reference platform on a throwaway embedded PostgreSQL, filled with `services` rows. */
export interface PlatformAtScale {
  url: string;
  token: string;
  dir: string;
  /** The platform's Node process, and its PostgreSQL's processes (for memory figures). */
  platformPid: number;
  postgresPids(): number[];
  close(): Promise<void>;
}

export async function startPlatformAtScale(services: number): Promise<PlatformAtScale> {
  const database = await startBenchDatabase('platform');
  const { pool, dir } = database;

  const teamIds = await withTransaction(pool, async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < 15; i++) {
      const team = await createTeam(
        tx,
        null,
        TeamCreate.parse({ slug: `team-${i}`, name: `Team ${i}`, size: 8 }),
      );
      ids.push(team.id);
    }
    return ids;
  });
  // Services are written in bulk (one multi-row insert and one change-log insert per 5,000), so
  // 100,000 services take seconds rather than minutes; the rows and their change-log entries are
  // those the API would have written (the API shape is read back with listServices).
  const rows = generateServices(services, teamIds).map((row) => ServiceCreate.parse(row));
  const now = new Date().toISOString();
  for (let start = 0; start < rows.length; start += 5000) {
    await pool.query(
      `INSERT INTO services (id, name, title, description, owner_team_id, tier, lifecycle, repository_url,
                             tags, links, created_at, updated_at)
       SELECT id, name, title, description, owner_team_id, tier, lifecycle, repository_url, tags, links, $2, $2
       FROM json_to_recordset($1::json) AS r (id text, name text, title text, description text,
         owner_team_id text, tier smallint, lifecycle text, repository_url text, tags text[], links jsonb)`,
      [
        JSON.stringify(
          rows.slice(start, start + 5000).map((r) => ({
            id: randomUUID(),
            name: r.name,
            title: r.title,
            description: r.description,
            owner_team_id: r.ownerTeamId,
            tier: r.tier,
            lifecycle: r.lifecycle,
            repository_url: r.repositoryUrl,
            tags: r.tags,
            links: r.links,
          })),
        ),
        now,
      ],
    );
  }
  const written = await listServices(pool);
  for (let start = 0; start < written.length; start += 5000) {
    await withTransaction(pool, (tx) =>
      recordChanges(
        tx,
        'service',
        written.slice(start, start + 5000).map((service) => ({ id: service.id, data: service })),
      ),
    );
  }

  // A platform that has held these rows for a while has had them analyzed by autovacuum; without
  // statistics, PostgreSQL pages the change log by sorting all of it on disk instead of walking
  // its seq index (3× the time per page at 20,000 rows).
  await pool.query('ANALYZE');

  // The platform serves from its own process, as it does for the desktop (embedded or remote):
  // the sync measured is the backend's work with the platform's running beside it.
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/serve-platform.ts', database.url], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /port (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the bench platform exited (${code})`)));
  });
  const token = await issueToken(pool, ADMIN_USER_ID, 'bench');
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    dir,
    platformPid: child.pid ?? 0,
    postgresPids: () => database.postgresPids(),
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      await exited;
      await database.close();
    },
  };
}
