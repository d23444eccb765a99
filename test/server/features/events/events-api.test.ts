import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformEvent } from '../../../../shared/features/events/api';
import type { ChangesPage } from '../../../../shared/contract';
import { recordEvent } from '../../../../server/features/events/public';
import { createPool } from '../../../../server/db/pool';
import { withTransaction } from '../../../../server/db/transaction';
import { apiClient } from '../../api-client';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';

let platform: TestPlatform;
let api: ReturnType<typeof apiClient>;
let pool: ReturnType<typeof createPool>;

beforeAll(async () => {
  platform = await startTestPlatform({ seed: 'demo' });
  api = apiClient(platform.url, platform.adminToken);
  pool = createPool(platform.databaseUrl);
});

afterAll(async () => {
  await pool?.end();
  await platform?.close();
});

describe('platform events', () => {
  it('records an event with its service team, lists it by kind and syncs it', async () => {
    const { rows } = await pool.query<{ id: string; owner_team_id: string }>(
      // A service the demo history left without events, so the listing below is exactly ours.
      `SELECT id, owner_team_id FROM services
        WHERE id NOT IN (SELECT service_id FROM platform_events WHERE service_id IS NOT NULL)
        ORDER BY id LIMIT 1`,
    );
    const service = rows[0];
    if (!service) throw new Error('the demo has no services');
    const sha = 'a'.repeat(40);
    const recorded = await withTransaction(pool, (tx) =>
      recordEvent(tx, {
        kind: 'push',
        serviceId: service.id,
        actorId: null,
        at: '2026-11-02T10:00:00.000Z',
        data: { ref: 'refs/heads/main', before: null, after: sha, commits: 2 },
      }),
    );
    expect(recorded.teamId).toBe(service.owner_team_id);

    const listed = await api('GET', `/v1/platform-events?kind=push&serviceId=${service.id}`);
    expect(listed.status).toBe(200);
    const items = (listed.body as { items: PlatformEvent[] }).items;
    expect(items).toEqual([recorded]);

    // Page through the whole feed (the demo history alone is thousands of changes).
    let cursor = '';
    let found = false;
    for (;;) {
      const changes = await api('GET', `/v1/sync/changes?limit=5000&cursor=${encodeURIComponent(cursor)}`);
      const page = changes.body as ChangesPage;
      found ||= page.changes.some((c) => c.entity === 'platform_event' && c.id === recorded.id);
      if (!page.hasMore) break;
      cursor = page.cursor;
    }
    expect(found).toBe(true);
  });

  it('refuses data that does not fit its kind (our bug, not stored) and a bad query with 400', async () => {
    await expect(
      withTransaction(pool, (tx) =>
        recordEvent(tx, { kind: 'push', serviceId: null, data: { ref: 'x' } as never }),
      ),
    ).rejects.toThrow();
    const bad = await api('GET', '/v1/platform-events?kind=nope');
    expect(bad.status).toBe(400);
  });
});
