// Tests of this worker, run by `node --test` (the pipeline's test step): the real worker.js on a
// free port, its job loop seen through the health endpoint the platform checks.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

let worker;
let base;

before(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  worker = spawn(process.execPath, ['worker.js'], {
    cwd: new URL('.', import.meta.url),
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (worker.exitCode !== null) throw new Error(`worker.js exited with ${worker.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error('worker.js did not answer /healthz within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});

after(() => worker?.kill());

test('GET /healthz reports a running job loop', async () => {
  const response = await fetch(`${base}/healthz`);
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.equal(body.status, 'ok');
  assert.ok(body.runs >= 1, `the job ran at start (runs: ${body.runs})`);
});

test('logs one JSON object per line', async () => {
  const line = await new Promise((resolve) => worker.stdout.once('data', (chunk) => resolve(String(chunk))));
  const entry = JSON.parse(line.split('\n')[0]);
  assert.equal(typeof entry.time, 'string');
  assert.equal(entry.level, 'info');
});

test('an unknown path is a 404', async () => {
  const response = await fetch(`${base}/nope`);
  assert.equal(response.status, 404);
});
