// Run by kill-trials.test.ts: the platform API in its own process on a fixed port, killed with
// SIGKILL mid-push (as a machine losing power would) and started again on the same database.
// argv: DATABASE_URL DATA_DIR PORT
import { buildApp } from '../../server/app';
import { createPool } from '../../server/db/pool';

const [databaseUrl, dataDir, port] = process.argv.slice(2);
if (!databaseUrl || !dataDir || !port) throw new Error('usage: platform-child DATABASE_URL DATA_DIR PORT');
const app = buildApp({ pool: createPool(databaseUrl), dataDir });
await app.listen({ host: '127.0.0.1', port: Number(port) });
process.stdout.write('listening\n');
