// Tests of this service, run by `node --test` (the pipeline's test step): the real server.js on a
// free port, asked over HTTP as the platform and its callers ask it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

// The service's name as its package carries it; its catalog entry is catalog-info.yaml (Backstage format).
const { name: serviceName } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

let server;
let base;

before(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['server.js'], {
    cwd: new URL('.', import.meta.url),
    env: { ...process.env, PORT: String(port), PAVE_VERSION: 'test' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Ready when it answers its health check (it may also be slow to start on a busy machine).
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server.js exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error('server.js did not answer /healthz within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});

after(() => server?.kill());

test('GET /healthz answers ok', async () => {
  const response = await fetch(`${base}/healthz`);
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { status: 'ok' });
});

test('GET / names the service and the version it runs', async () => {
  const response = await fetch(`${base}/`);
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.equal(body.service, serviceName);
  assert.equal(body.version, 'test');
  assert.equal(typeof body.message, 'string');
});

test('an unknown path is a 404 with a JSON error', async () => {
  const response = await fetch(`${base}/no-such-page`);
  assert.equal(response.status, 404);
  assert.deepEqual(await response.json(), { error: 'not found' });
});
