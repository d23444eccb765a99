import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangesPage } from '../../../shared/contract';
import { changesPageJson } from '../../../server/sync/changes-page-json';
import { startTestPlatform, type TestPlatform } from '../../harness/platform';

describe('changesPageJson', () => {
  it('splices stored JSON in as is and escapes the strings it writes itself', () => {
    const body = changesPageJson(
      [
        { seq: 3, entity: 'team', id: 'a"b\\c', op: 'put', data: '{"id": "a\\"b\\\\c", "n": 1}' },
        { seq: 4, entity: 'service', id: 's1', op: 'del', data: null },
      ],
      'cur"sor',
      true,
    );
    expect(JSON.parse(body)).toEqual({
      changes: [
        { seq: 3, entity: 'team', id: 'a"b\\c', op: 'put', data: { id: 'a"b\\c', n: 1 } },
        { seq: 4, entity: 'service', id: 's1', op: 'del', data: null },
      ],
      cursor: 'cur"sor',
      hasMore: true,
    });
    expect(JSON.parse(changesPageJson([], 'c', false))).toEqual({ changes: [], cursor: 'c', hasMore: false });
  });
});

describe('GET /v1/sync/changes on the demo organization', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ seed: 'demo' });
  });
  afterAll(async () => platform?.close());

  it('answers JSON pages that the ChangesPage schema accepts, for every entity the demo writes', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    for (;;) {
      const query = new URLSearchParams({ limit: '5000', ...(cursor ? { cursor } : {}) });
      const response = await fetch(`${platform.url}/v1/sync/changes?${query}`, {
        headers: { authorization: `Bearer ${platform.adminToken}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const parsed = ChangesPage.safeParse(JSON.parse(await response.text()));
      if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 3)));
      for (const change of parsed.data.changes) seen.add(change.entity);
      cursor = parsed.data.cursor;
      if (!parsed.data.hasMore) break;
    }
    // The demo seeds most entities; at least the catalog's and the directory's are in the feed.
    expect([...seen]).toEqual(expect.arrayContaining(['org', 'team', 'user', 'service', 'environment']));
    expect(seen.size).toBeGreaterThanOrEqual(8);
  });

  it('still answers errors as JSON bodies', async () => {
    const response = await fetch(`${platform.url}/v1/sync/changes?cursor=garbage`, {
      headers: { authorization: `Bearer ${platform.adminToken}` },
    });
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('resync_required');
  });
});
