import { describe, expect, it } from 'vitest';
import { createPlatformClient } from '../../../../electron/backend/platform/platform-client';

/** `fetch` is replaced to see exactly what goes on the wire; the real route is covered in metrics-desktop.test.ts. */
function capture() {
  const seen: { contentType: string | null; body: string }[] = [];
  const client = createPlatformClient({
    url: 'http://platform.test',
    token: 'tok',
    fetch: async (input, init) => {
      const request = new Request(input, init);
      seen.push({ contentType: request.headers.get('content-type'), body: await request.text() });
      return new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
  return { client, seen };
}

describe('a write with a content type (the metrics import)', () => {
  it('sends a string body as it is, typed as asked', async () => {
    const { client, seen } = capture();
    const csv = 'service,environment\r\n"a, b",production\r\n';
    await client.write('POST', '/v1/metrics/imports?kind=deployments', csv, { contentType: 'text/csv' });
    expect(seen).toEqual([{ contentType: 'text/csv', body: csv }]);
  });

  it('still sends JSON when no type is given', async () => {
    const { client, seen } = capture();
    await client.write('PUT', '/v1/metrics/settings', { adoptionDays: 30 });
    await client.write('POST', '/v1/x', 'text');
    expect(seen).toEqual([
      { contentType: 'application/json', body: '{"adoptionDays":30}' },
      { contentType: 'application/json', body: '"text"' },
    ]);
  });
});
