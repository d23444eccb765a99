import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../server/db/embedded-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/** One real PostgreSQL for the whole run; each test file creates its own database on it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pave-test-pg-'));
  const postgres = await startEmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    password: randomBytes(12).toString('hex'),
    // A throwaway cluster: durability only costs time here.
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
  });
  project.provide('pgAdminUrl', postgres.adminUrl);
  return async () => {
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
