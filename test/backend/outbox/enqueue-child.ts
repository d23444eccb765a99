// Run by client-outbox.test.ts: enqueue one change in the cache at argv[2], say so, then wait to
// be killed with SIGKILL (no close, no cleanup), like a desktop app that crashes.
import { openCache } from '../../../electron/backend/cache/open-cache';
import { backendFeatures } from '../../../electron/backend/features';
import { enqueue } from '../../../electron/backend/outbox/enqueue';

const [file, serviceId, title] = process.argv.slice(2);
if (!file || !serviceId || !title) throw new Error('usage: enqueue-child FILE SERVICE_ID TITLE');
const cache = openCache(file, backendFeatures.migrations);
const { entry } = enqueue(cache.db, backendFeatures.model, 'service.update', {
  id: serviceId,
  patch: { title },
});
process.stdout.write(`enqueued ${entry.mutationId}\n`);
setInterval(() => undefined, 60_000);
