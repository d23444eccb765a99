import { buildApp } from '../../server/app';
import { createPool } from '../../server/db/pool';

/**
 * The reference platform on an existing database, in its own process, as the desktop meets it
 * (embedded or remote, the platform never shares the backend's thread). Prints `port <n>` once
 * it listens; ends when its parent closes stdin.
 */
const url = process.argv[2];
if (!url) throw new Error('usage: tsx test/bench/serve-platform.ts <database url>');
const pool = createPool(url);
const app = buildApp({ pool });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('platform has no port');
process.stdout.write(`port ${address.port}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void app.close().then(() => pool.end());
});
