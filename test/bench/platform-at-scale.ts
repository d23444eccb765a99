import { ServiceCreate } from '../../shared/features/catalog/api';
import { TeamCreate } from '../../shared/api/directory';
import { buildApp } from '../../server/app';
import { issueToken } from '../../server/auth/tokens';
import { ADMIN_USER_ID } from '../../server/directory/admin-user';
import { createService } from '../../server/features/catalog/store';
import { createTeam } from '../../server/directory/teams';
import { withTransaction } from '../../server/db/transaction';
import { generateServices } from '../fixtures/catalog';
import { startBenchDatabase } from './bench-database';

/** A real reference platform on a throwaway embedded PostgreSQL, filled with `services` rows. */
export interface PlatformAtScale {
  url: string;
  token: string;
  dir: string;
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
  const rows = generateServices(services, teamIds);
  for (let start = 0; start < rows.length; start += 2000) {
    await withTransaction(pool, async (tx) => {
      for (const row of rows.slice(start, start + 2000))
        await createService(tx, null, ServiceCreate.parse(row));
    });
  }

  const app = buildApp({ pool });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('platform has no port');
  const token = await issueToken(pool, ADMIN_USER_ID, 'bench');
  return {
    url: `http://127.0.0.1:${address.port}`,
    token,
    dir,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
