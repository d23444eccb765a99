import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../server/app';
import { issueToken } from '../../server/auth/tokens';
import { ADMIN_USER_ID } from '../../server/directory/admin-user';
import { createPool } from '../../server/db/pool';
import { clientIdOf } from '../../electron/backend/outbox/outbox-store';
import { startDesktopClient } from '../backend/desktop-client';
import { createTestDatabase } from '../harness/postgres';
import { report, trials } from './trust-counts';

/**
 * kill -9 trials (issue 13, "the probes become tests"): the desktop backend killed mid-sync and
 * mid-push, and the platform killed mid-push. After each kill the survivor (or a restarted
 * process on the same files) catches up, and nothing is lost, nothing applied twice, and the
 * cache passes `PRAGMA integrity_check`. The kill lands on a signal the process prints (a page
 * asked, a push sent), at a different page or batch each trial.
 */

const SERVICES = 30;
const EDITS = 8;

let database: { url: string; drop(): Promise<void> };
let pool: pg.Pool;
let platformDir: string;
let cacheDir: string;
let port: number;
let url: string;
let token: string;
let platform: Child | null = null;
const serviceIds: string[] = [];

interface Child {
  process: ChildProcessWithoutNullStreams;
  /** Resolves at the `count`-th output line that starts with `prefix`. */
  waitFor(prefix: string, count?: number): Promise<void>;
  kill(): Promise<void>;
}

function spawnChild(script: string, args: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, script), ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const seen = new Map<string, number>();
  const waiters: { prefix: string; count: number; resolve: () => void }[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      for (const w of waiters.splice(0)) {
        if (line.startsWith(w.prefix)) seen.set(w.prefix, (seen.get(w.prefix) ?? 0) + 1);
        if ((seen.get(w.prefix) ?? 0) >= w.count) w.resolve();
        else waiters.push(w);
      }
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    waitFor: (prefix, count = 1) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ prefix, count, resolve });
        void exited.then(() => reject(new Error(`${script} exited before "${prefix}" ×${count}\n${stderr}`)));
      }),
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address !== 'object') throw new Error('no port');
  return address.port;
}

async function startPlatform(): Promise<void> {
  platform = spawnChild('platform-child.ts', [database.url, platformDir, String(port)]);
  await platform.waitFor('listening');
}

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : null,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.url);
  await prepareDatabase(pool, { seed: 'none' });
  token = await issueToken(pool, ADMIN_USER_ID, 'kill trials');
  platformDir = mkdtempSync(join(tmpdir(), 'pave-kill-platform-'));
  cacheDir = mkdtempSync(join(tmpdir(), 'pave-kill-cache-'));
  port = await freePort();
  url = `http://127.0.0.1:${port}`;
  await startPlatform();
  const team = await api<{ id: string }>('POST', '/v1/teams', { slug: 'kill', name: 'Kill' });
  for (let i = 0; i < SERVICES; i += 1) {
    const s = await api<{ id: string }>('POST', '/v1/services', {
      name: `kill-${i}`,
      title: 'Start',
      ownerTeamId: team.id,
    });
    serviceIds.push(s.id);
  }
}, 120_000);

afterAll(async () => {
  await platform?.kill();
  await pool?.end();
  await database?.drop();
  rmSync(platformDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

const serverCount = async (sql: string, params: unknown[] = []) =>
  Number((await pool.query<{ n: string }>(sql, params)).rows[0]?.n);

/** Opens the cache the killed process left, catches up, and checks it against the server. */
async function recoverAndCheck(file: string) {
  const c = await startDesktopClient(file, { url, token });
  try {
    await c.connect();
    await c.settled();
    expect(c.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const local = c.db.prepare('SELECT count(*) AS n, count(DISTINCT id) AS d FROM services').get() as {
      n: number;
      d: number;
    };
    expect(local.n).toBe(local.d);
    expect(local.n).toBe(await serverCount('SELECT count(*) AS n FROM services'));
    return {
      clientId: clientIdOf(c.db),
      titles: new Map(serviceIds.map((id) => [id, c.service(id)?.title])),
    };
  } finally {
    await c.close();
  }
}

const counts = { trials: 0, kills: 0, failures: 0 };
const trial = async (run: () => Promise<void>) => {
  counts.trials += 1;
  try {
    await run();
  } catch (err) {
    counts.failures += 1;
    throw err;
  }
};

describe('kill -9', () => {
  it(
    'of the desktop backend mid-sync loses nothing and keeps the cache sound',
    { timeout: 300_000 },
    async () => {
      for (let t = 0; t < trials(3, 15); t += 1) {
        await trial(async () => {
          const file = join(cacheDir, `sync-${t}.db`);
          const child = spawnChild('desktop-child.ts', [file, url, token, '3']);
          await child.waitFor('page asked', 2 + (t % 5));
          await child.kill();
          counts.kills += 1;
          await recoverAndCheck(file);
        });
      }
    },
  );

  it(
    'of the desktop backend mid-push applies every queued change exactly once',
    { timeout: 300_000 },
    async () => {
      for (let t = 0; t < trials(3, 15); t += 1) {
        await trial(async () => {
          const file = join(cacheDir, `push-${t}.db`);
          await recoverAndCheck(file); // a synced cache, so the edits have rows to change
          const edits = serviceIds.slice(0, EDITS).map((id, i) => `${id}=push-${t}-${i}`);
          const child = spawnChild('desktop-child.ts', [file, url, token, '100', ...edits]);
          await child.waitFor('push sent');
          await child.kill();
          counts.kills += 1;
          const { clientId, titles } = await recoverAndCheck(file);
          for (const [i, id] of serviceIds.slice(0, EDITS).entries())
            expect(titles.get(id)).toBe(`push-${t}-${i}`);
          const server = await pool.query<{ title: string }>(
            'SELECT title FROM services WHERE id = ANY($1) ORDER BY id',
            [serviceIds.slice(0, EDITS)],
          );
          expect(server.rows.every((r) => r.title.startsWith(`push-${t}-`))).toBe(true);
          expect(
            await serverCount(
              `SELECT count(*) AS n FROM mutation_results WHERE client_id = $1 AND status = 'applied'`,
              [clientId],
            ),
          ).toBe(EDITS);
        });
      }
    },
  );

  it(
    'of the platform mid-push applies every queued change exactly once after it restarts',
    { timeout: 300_000 },
    async () => {
      for (let t = 0; t < trials(3, 15); t += 1) {
        await trial(async () => {
          const file = join(cacheDir, `platform-${t}.db`);
          let armed = false;
          let killed: Promise<void> | null = null;
          const c = await startDesktopClient(file, {
            url,
            token,
            fetch: (input, init) => {
              if (armed && String(input).includes('/v1/sync/push')) {
                armed = false;
                const sent = fetch(input, init);
                // The request is on the wire: the platform dies under it (or mid-transaction).
                killed = platform!.kill();
                return sent;
              }
              return fetch(input, init);
            },
          });
          try {
            await c.connect();
            await c.settled();
            armed = true;
            const ids = serviceIds.slice(EDITS, EDITS * 2);
            for (const [i, id] of ids.entries())
              await c.handlers['services:update']({ id, patch: { title: `plat-${t}-${i}` } });
            await c.waitUntil(() => killed);
            await killed;
            counts.kills += 1;
            await startPlatform();
            await c.settled();
            expect(c.db.pragma('integrity_check', { simple: true })).toBe('ok');
            for (const [i, id] of ids.entries()) expect(c.service(id)?.title).toBe(`plat-${t}-${i}`);
            expect(
              await serverCount(
                `SELECT count(*) AS n FROM mutation_results WHERE client_id = $1 AND status = 'applied'`,
                [clientIdOf(c.db)],
              ),
            ).toBe(ids.length);
            const server = await pool.query<{ id: string; title: string }>(
              'SELECT id, title FROM services WHERE id = ANY($1)',
              [ids],
            );
            for (const row of server.rows) expect(row.title).toBe(`plat-${t}-${ids.indexOf(row.id)}`);
          } finally {
            await c.close();
          }
        });
      }
      report('kill -9', counts);
      expect(counts.failures).toBe(0);
    },
  );
});
