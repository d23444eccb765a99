import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Pool } from 'pg';
import { prepareDatabase } from '../../../../server/app';
import { issueToken } from '../../../../server/auth/tokens';
import { createPool } from '../../../../server/db/pool';
import { ADMIN_USER_ID } from '../../../../server/directory/admin-user';
import { commitFiles } from '../../../../server/features/self-service/repositories/git-repository';
import { createTestDatabase } from '../../../harness/postgres';
import type { TestPlatform } from '../../../harness/platform';
import { waitFor } from '../../../harness/wait-for';
import { author, createHttpService, deploymentsOf, eventsOf, requestLoop } from './release-support';
import { getJson, serviceProcesses, waitForOperation } from './self-service-support';

// The platform runs as its own process (the CLI, server/cli.ts) on this file's database and data
// dir, so the test can SIGKILL it mid-canary as a machine losing power would: no shutdown hook
// runs, and the service processes it started live on as orphans until the next start reaps them.
// The graceful restart is covered in canary.test.ts.

const root = path.resolve(import.meta.dirname, '../../../..');

interface PlatformProcess extends TestPlatform {
  /** SIGKILL: nothing of the platform's own shutdown runs. Resolves once the process is gone. */
  kill(): Promise<void>;
}

let pool: Pool;
let platform: PlatformProcess;
/** Services this file created: whatever of them a failing test leaves running is killed at the end. */
const services: string[] = [];

/** The CLI on `databaseUrl` and `dataDir`, listening on `port` (0: any); resolves with its URL. */
function launch(databaseUrl: string, dataDir: string, port: number) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/cli.ts', '--data-dir', dataDir, '--port', String(port), '--exit-with-parent'],
    { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http\S+)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`the platform exited (${code ?? signal}) before listening:\n${stderr}`)),
    );
  });
  return { child, exited, url };
}

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

beforeAll(async () => {
  const database = await createTestDatabase();
  pool = createPool(database.url);
  await prepareDatabase(pool, { seed: 'none' });
  const adminToken = await issueToken(pool, ADMIN_USER_ID, 'test admin');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pave-canary-crash-'));

  let current = launch(database.url, dataDir, 0);
  const url = await current.url;
  // Restarts listen on the same port, so API clients and PAVE_FLAGS_URL stay valid.
  const port = Number(new URL(url).port);
  const stop = async () => {
    if (!alive(current.child)) return;
    current.child.kill('SIGTERM');
    await current.exited;
  };
  platform = {
    url,
    adminToken,
    databaseUrl: database.url,
    dataDir,
    async start() {
      if (alive(current.child)) return;
      current = launch(database.url, dataDir, port);
      await current.url;
    },
    stop,
    async kill() {
      current.child.kill('SIGKILL');
      await current.exited;
    },
    async close() {
      await stop();
      await pool.end();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}, 120_000);

afterAll(async () => {
  await platform?.close();
  for (const serviceId of services) {
    for (const { pid } of await serviceProcesses(serviceId)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
  }
});

it('a platform killed with SIGKILL mid-canary ends the canary aborted on restart; v1 serves and no canary process is left', async () => {
  const service = await createHttpService(platform, 'canary-crash', 'stable greeting');
  const { api, serviceId, stablePort } = service;
  services.push(serviceId);
  const v1 = service.version;
  const stableUrl = `http://127.0.0.1:${stablePort}/`;
  expect((await getJson(stableUrl)).body).toMatchObject({ message: 'stable greeting', version: v1 });

  // The template's server dies of EPIPE at its first log line once the platform reading its stdout
  // is gone; v2 ignores that, as a service logging elsewhere would, so it is a real orphan.
  const canaryServer = `${service.serverJs.replace('"stable greeting"', '"canary greeting"')}
process.stdout.on('error', () => undefined);
`;
  const v2 = (
    await commitFiles(service.bareRepo, new Map([['server.js', canaryServer]]), author, 'A new greeting')
  ).sha;
  const accepted = await api('POST', `/v1/services/${serviceId}/deployments`, {
    environment: 'development',
    version: v2,
    canary: { weightPercent: 50, windowSeconds: 600 },
  });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
  const { operationId } = accepted.body as { operationId: string };

  // Mid-canary: the proxy splits traffic and the analysis has counted canary requests.
  const loop = requestLoop(stablePort, 2);
  const canary = await waitFor(
    async () => {
      const row = (await deploymentsOf(api, serviceId)).find((d) => d.version === v2);
      return row?.canary?.status === 'analysing' && row.canary.canary.requests >= 5 && row;
    },
    { timeoutMs: 60_000, what: 'the canary analysing with traffic' },
  );
  const split = await loop.stop();
  expect(split.filter((r) => r.status !== 200)).toEqual([]);
  expect(new Set(split.map((r) => r.version))).toEqual(new Set([v1, v2]));
  const { rows: before } = await pool.query<{ status: string }>(
    'SELECT status FROM canary_releases WHERE deployment_id = $1',
    [canary.id],
  );
  expect(before).toEqual([{ status: 'analysing' }]);
  const processesBefore = await serviceProcesses(serviceId);
  expect(processesBefore.map((p) => p.env.PAVE_VERSION).sort()).toEqual([v1, v2].sort());

  await platform.kill();
  // Nobody stopped the canary: it runs on as an orphan and still answers on its own port (twice:
  // the first answer's log line already met the closed stdout). The stable port is closed, since
  // the proxy lived in the platform process.
  const orphan = processesBefore.find((p) => p.env.PAVE_VERSION === v2);
  if (!orphan) throw new Error('no canary process before the kill');
  for (let i = 0; i < 2; i += 1) {
    expect((await getJson(`http://127.0.0.1:${orphan.env.PORT}/`)).body).toMatchObject({
      message: 'canary greeting',
      version: v2,
    });
  }
  await expect(fetch(stableUrl)).rejects.toThrow();

  await platform.start();
  const answer = await waitFor(
    async () => {
      try {
        return await getJson(stableUrl);
      } catch {
        return null;
      }
    },
    { timeoutMs: 60_000, what: 'the stable port answering after the restart' },
  );
  expect(answer.body).toMatchObject({ message: 'stable greeting', version: v1 });

  // The restart reaped the orphans: no canary process at all, and v1 runs as one new process.
  const after = await waitFor(
    async () => {
      const found = await serviceProcesses(serviceId);
      return found.every((p) => !processesBefore.some((old) => old.pid === p.pid)) && found;
    },
    { timeoutMs: 30_000, what: 'the orphaned service processes reaped' },
  );
  expect(after.map((p) => p.env.PAVE_VERSION)).toEqual([v1]);

  const deployments = await deploymentsOf(api, serviceId);
  const aborted = deployments.find((d) => d.id === canary.id);
  expect(aborted).toMatchObject({
    status: 'failed',
    error: 'canary aborted: the platform restarted during the canary; the stable version keeps serving',
    canary: {
      status: 'aborted',
      automatic: true,
      reason: 'the platform restarted during the canary; the stable version keeps serving',
    },
  });
  expect(aborted?.finishedAt).not.toBeNull();
  expect(deployments.filter((d) => d.status === 'live').map((d) => d.version)).toEqual([v1]);
  const { rows: released } = await pool.query<{ status: string; reason: string | null }>(
    'SELECT status, reason FROM canary_releases WHERE deployment_id = $1',
    [canary.id],
  );
  expect(released).toEqual([{ status: 'aborted', reason: expect.stringMatching(/platform restarted/) }]);

  // The job is never run twice: its lease runs out and the sweeper fails it (worker_lost).
  const operation = await waitForOperation(api, operationId, 60_000);
  expect(operation.status).toBe('failed');
  expect(operation.error?.code).toBe('worker_lost');

  // Exactly one decision and one deploy end, even though both recovery and the sweep's settle
  // could write them.
  const decisions = (await eventsOf(api, serviceId, 'canary_decision')).filter(
    (e) => e.data.deploymentId === canary.id,
  );
  expect(decisions.map((e) => e.data)).toEqual([
    {
      deploymentId: canary.id,
      decision: 'aborted',
      automatic: true,
      reason: 'the platform restarted during the canary; the stable version keeps serving',
    },
  ]);
  const deployEnds = (await eventsOf(api, serviceId, 'deploy')).filter(
    (e) => e.data.deploymentId === canary.id,
  );
  expect(deployEnds.map((e) => e.data)).toMatchObject([{ result: 'failed', canary: true, version: v2 }]);

  // Every request now reaches v1.
  const settled = requestLoop(stablePort, 2);
  await waitFor(() => settled.results.length >= 100, { what: '100 requests through the stable port' });
  const results = await settled.stop();
  expect(results.filter((r) => r.status !== 200)).toEqual([]);
  expect(new Set(results.map((r) => r.version))).toEqual(new Set([v1]));
}, 300_000);
