/**
 * A platform process for the crash test: the whole app on the test's database and data dir, with
 * a short lease. The test SIGKILLs it mid-run, as a machine losing power would.
 */
import { buildApp } from '../../../../server/app';
import { createPool } from '../../../../server/db/pool';

const [databaseUrl, dataDir] = process.argv.slice(2);
if (!databaseUrl || !dataDir) throw new Error('usage: crashing-platform.ts DATABASE_URL DATA_DIR');
const app = buildApp({
  pool: createPool(databaseUrl),
  dataDir,
  operationsWorker: { leaseMs: 600, pollMs: 100 },
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (address && typeof address === 'object')
  process.stdout.write(`listening http://127.0.0.1:${address.port}\n`);
