// Run by kill-trials.test.ts: a desktop backend (cache, sync engine, outbox) in its own process,
// killed with SIGKILL mid-sync or mid-push, as a crashing app would be: no close, no checkpoint.
// argv: CACHE_FILE PLATFORM_URL TOKEN PAGE_LIMIT [SERVICE_ID=TITLE ...] (changes to enqueue first)
import { openCache } from '../../electron/backend/cache/open-cache';
import { backendFeatures } from '../../electron/backend/features';
import { enqueue } from '../../electron/backend/outbox/enqueue';
import { createPlatformClient } from '../../electron/backend/platform/platform-client';
import { createSyncEngine } from '../../electron/backend/sync/sync-engine';

const [file, url, token, pageLimit, ...edits] = process.argv.slice(2);
if (!file || !url || !token || !pageLimit)
  throw new Error('usage: desktop-child FILE URL TOKEN PAGE_LIMIT [ID=TITLE…]');
const say = (line: string) => process.stdout.write(`${line}\n`);
const cache = openCache(file, backendFeatures.migrations);
for (const edit of edits) {
  const [id, title] = edit.split('=') as [string, string];
  enqueue(cache.db, backendFeatures.model, 'service.update', { id, patch: { title } });
}
say(`enqueued ${edits.length}`);
const engine = createSyncEngine({
  db: cache.db,
  model: backendFeatures.model,
  pageLimit: Number(pageLimit),
  periodicPullMs: 600_000,
  backoff: { initialMs: 20, maxMs: 200, random: () => 1 },
  onStatus: (s) => s.state === 'online' && s.pendingChanges === 0 && say('settled'),
  onTablesChanged: (tables) => say(`tables ${tables.join(',')}`),
});
const client = createPlatformClient({
  url,
  token,
  timeoutMs: 5_000,
  fetch: (input, init) => {
    if (String(input).includes('/v1/sync/push')) say('push sent');
    if (String(input).includes('/v1/sync/changes')) say('page asked');
    return fetch(input, init);
  },
});
// The epoch startDesktopClient uses: the same platform, so the same cache and client id.
void engine.setPlatform(client, 'test-platform');
setInterval(() => undefined, 60_000);
