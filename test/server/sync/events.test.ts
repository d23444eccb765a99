import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangesPoke } from '../../../shared/api/sync';
import { Team } from '../../../shared/api/directory';
import { buildApp } from '../../../server/app';
import { createPool } from '../../../server/db/pool';
import { startTestPlatform, type TestPlatform } from '../../harness/platform';
import { apiClient } from '../api-client';
import { openEventStream } from '../sse-stream';

let platform: TestPlatform;
let admin: ReturnType<typeof apiClient>;

beforeAll(async () => {
  platform = await startTestPlatform();
  admin = apiClient(platform.url, platform.adminToken);
});
afterAll(async () => platform?.close());

const seqOf = (data: string) => ChangesPoke.parse(JSON.parse(data)).seq;

describe('GET /v1/events', () => {
  it('requires a token', async () => {
    const response = await fetch(`${platform.url}/v1/events`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('pokes with the new seq after a write (bearer header)', async () => {
    const stream = await openEventStream(`${platform.url}/v1/events`, {
      authorization: `Bearer ${platform.adminToken}`,
    });
    try {
      expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
      const hello = await stream.next((event) => event.event === 'changes');
      const before = seqOf(hello.data);
      const team = Team.parse((await admin('POST', '/v1/teams', { slug: 'sse-team', name: 'SSE' })).body);
      const poke = await stream.next((event) => event.event === 'changes' && seqOf(event.data) > before);
      const changes = (await admin('GET', '/v1/sync/changes?limit=1000')).body as {
        changes: { id: string; seq: number }[];
      };
      expect(changes.changes.find((change) => change.id === team.id)?.seq).toBe(seqOf(poke.data));
    } finally {
      await stream.close();
    }
  });

  it('accepts ?access_token= and pokes clients of another server process on the same database', async () => {
    // A second, independent app on its own pool: the poke must cross via LISTEN/NOTIFY.
    // Three connections stay checked out for LISTEN (changes, operation events, the worker).
    const pool = createPool(platform.databaseUrl, 8);
    const other = buildApp({ pool });
    await other.listen({ host: '127.0.0.1', port: 0 });
    const address = other.server.address();
    const otherUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const stream = await openEventStream(`${otherUrl}/v1/events?access_token=${platform.adminToken}`);
    try {
      expect(stream.response.status).toBe(200);
      const before = seqOf((await stream.next((event) => event.event === 'changes')).data);
      await admin('POST', '/v1/teams', { slug: 'cross-process', name: 'Cross' });
      const poke = await stream.next((event) => event.event === 'changes' && seqOf(event.data) > before);
      expect(seqOf(poke.data)).toBeGreaterThan(before);
    } finally {
      await stream.close();
      await other.close();
      await pool.end();
    }
  });

  it('ends open streams when the server stops, and serves again on the same port after start', async () => {
    const stream = await openEventStream(`${platform.url}/v1/events`, {
      authorization: `Bearer ${platform.adminToken}`,
    });
    await stream.next((event) => event.event === 'changes');
    await platform.stop();
    await stream.ended;
    await expect(fetch(`${platform.url}/v1/health`)).rejects.toThrow();
    await platform.start();
    expect((await fetch(`${platform.url}/v1/health`)).status).toBe(200);
  });
});
