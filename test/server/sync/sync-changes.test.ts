import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody } from '../../../shared/api/errors';
import { ChangesPage, type ChangeEntry } from '../../../shared/contract';
import { Team } from '../../../shared/api/directory';
import { createPool } from '../../../server/db/pool';
import { withTransaction } from '../../../server/db/transaction';
import { createTeam } from '../../../server/directory/teams';
import { decodeCursor, encodeCursor } from '../../../server/sync/cursor';
import { pruneTombstones } from '../../../server/sync/prune';
import { startTestPlatform, type TestPlatform } from '../../harness/platform';
import { apiClient } from '../api-client';

let platform: TestPlatform;
let admin: ReturnType<typeof apiClient>;

beforeAll(async () => {
  platform = await startTestPlatform();
  admin = apiClient(platform.url, platform.adminToken);
});
afterAll(async () => platform?.close());

async function page(cursor: string | undefined, limit: number) {
  const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
  const response = await admin('GET', `/v1/sync/changes?${query}`);
  return response;
}

/** Pages until hasMore is false; returns every change seen and the final cursor. */
async function pullAll(cursor: string | undefined, limit: number) {
  const changes: ChangeEntry[] = [];
  let next = cursor;
  for (;;) {
    const response = await page(next, limit);
    expect(response.status).toBe(200);
    const body = ChangesPage.parse(response.body);
    changes.push(...body.changes);
    next = body.cursor;
    if (!body.hasMore) return { changes, cursor: next };
  }
}

describe('GET /v1/sync/changes', () => {
  it('pages in seq order with small limits, and every entry validates against the shared schemas', async () => {
    for (const slug of ['alpha', 'bravo', 'charlie', 'delta']) {
      expect((await admin('POST', '/v1/teams', { slug, name: slug.toUpperCase() })).status).toBe(201);
    }
    const { changes } = await pullAll(undefined, 2);
    const seqs = changes.map((change) => change.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    const entities = changes.map((change) => change.entity);
    expect(entities.filter((entity) => entity === 'environment')).toHaveLength(3);
    expect(entities).toContain('org');
    expect(entities).toContain('user');
    expect(changes.filter((change) => change.entity === 'team')).toHaveLength(4);
    const all = await pullAll(undefined, 5000);
    expect(all.changes).toEqual(changes);
  });

  it('shows an update after the cursor, a delete as a tombstone, and never a token', async () => {
    const team = Team.parse((await admin('POST', '/v1/teams', { slug: 'echo', name: 'Echo' })).body);
    const { cursor } = await pullAll(undefined, 1000);
    const empty = ChangesPage.parse((await page(cursor, 10)).body);
    expect(empty).toMatchObject({ changes: [], hasMore: false });

    await admin('PATCH', `/v1/teams/${team.id}`, { name: 'Echo Renamed' });
    const updated = await pullAll(cursor, 10);
    expect(updated.changes).toHaveLength(1);
    expect(updated.changes[0]).toMatchObject({
      entity: 'team',
      id: team.id,
      op: 'put',
      data: { name: 'Echo Renamed' },
    });

    await admin('DELETE', `/v1/teams/${team.id}`);
    const deleted = await pullAll(updated.cursor, 10);
    expect(deleted.changes).toEqual([
      { seq: expect.any(Number), entity: 'team', id: team.id, op: 'del', data: null },
    ]);

    // One row per entity: a fresh client sees the tombstone once, not the put history.
    const fresh = await pullAll(undefined, 1000);
    expect(fresh.changes.filter((change) => change.id === team.id)).toHaveLength(1);

    const user = (await admin('POST', '/v1/users', { name: 'Tok En', email: 'token@example.com' })).body as {
      id: string;
    };
    const { token } = (await admin('POST', `/v1/users/${user.id}/tokens`, {})).body as { token: string };
    const afterToken = await pullAll(undefined, 1000);
    expect(JSON.stringify(afterToken.changes)).not.toContain(token);
    expect(JSON.stringify(afterToken.changes)).not.toContain('token_hash');
  });

  it('answers 409 resync_required for a garbage cursor, another epoch, and pruned tombstones', async () => {
    const garbage = await page('not-a-cursor', 10);
    expect(garbage.status).toBe(409);
    expect(ApiErrorBody.parse(garbage.body).error.code).toBe('resync_required');

    const { cursor } = await pullAll(undefined, 1000);
    const decoded = decodeCursor(cursor);
    expect(decoded).not.toBeNull();
    const otherEpoch = await page(encodeCursor('another-epoch', decoded!.seq), 10);
    expect(otherEpoch.status).toBe(409);
    expect(ApiErrorBody.parse(otherEpoch.body).error.code).toBe('resync_required');

    // A client that stopped before a delete, then the tombstone is pruned: it must resync.
    const team = Team.parse((await admin('POST', '/v1/teams', { slug: 'foxtrot', name: 'Foxtrot' })).body);
    const before = await pullAll(undefined, 1000);
    await admin('DELETE', `/v1/teams/${team.id}`);
    const pool = createPool(platform.databaseUrl, 2);
    try {
      const nothing = await pruneTombstones(pool, new Date(Date.now() - 60 * 60 * 1000));
      expect(nothing.pruned).toBe(0);
      expect((await page(before.cursor, 10)).status).toBe(200);

      const pruned = await pruneTombstones(pool, new Date(Date.now() + 60 * 1000));
      expect(pruned.pruned).toBeGreaterThanOrEqual(1);
      const stale = await page(before.cursor, 10);
      expect(stale.status).toBe(409);
      expect(ApiErrorBody.parse(stale.body).error.code).toBe('resync_required');

      // A client that is already past the pruned seq carries on; a fresh one starts from zero.
      const current = await pullAll(undefined, 1000);
      expect(current.changes.some((change) => change.id === team.id)).toBe(false);
      expect((await page(current.cursor, 10)).status).toBe(200);
    } finally {
      await pool.end();
    }
  });

  it('validates the query: limit out of range is 400', async () => {
    expect((await admin('GET', '/v1/sync/changes?limit=0')).status).toBe(400);
    expect((await admin('GET', '/v1/sync/changes?limit=abc')).status).toBe(400);
  });

  it('never lets a concurrently paging reader skip a change from concurrent writers', async () => {
    const writers = createPool(platform.databaseUrl, 12);
    const { cursor: start } = await pullAll(undefined, 5000);
    const seen = new Map<string, number>();
    let writing = true;
    let cursor = start;
    const reader = (async () => {
      // Stays at the head of the log while the writers commit (so it reads inside their commit
      // windows), then drains with a tiny limit once they are done.
      for (;;) {
        const stillWriting = writing;
        const response = await page(cursor, stillWriting ? 1000 : 3);
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        const body = ChangesPage.parse(response.body);
        for (const change of body.changes) seen.set(`${change.entity}:${change.id}`, change.seq);
        cursor = body.cursor;
        if (!stillWriting && !body.hasMore) return;
      }
    })();
    try {
      const ids: string[] = [];
      await Promise.all(
        Array.from({ length: 60 }, (_, index) =>
          withTransaction(writers, async (tx) => {
            const team = await createTeam(tx, null, {
              slug: `race-${index}`,
              name: `Race ${index}`,
              description: '',
              size: 1,
            });
            ids.push(team.id);
            // Uneven commit delays: with a plain sequence instead of the locked counter row, later
            // seqs would commit first and a reader would skip the earlier ones (checked by hand).
            await tx.query('SELECT pg_sleep($1)', [(index % 4) * 0.015]);
          }),
        ),
      );
      writing = false;
      await reader;
      expect(ids).toHaveLength(60);
      for (const id of ids) expect(seen.has(`team:${id}`), `change for team ${id} was skipped`).toBe(true);
      // And what the reader ended with is exactly what a fresh full pull says.
      const fresh = await pullAll(start, 5000);
      for (const change of fresh.changes) expect(seen.get(`${change.entity}:${change.id}`)).toBe(change.seq);
    } finally {
      writing = false;
      await writers.end();
    }
  });
});
