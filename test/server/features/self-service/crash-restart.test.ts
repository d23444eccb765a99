import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LocalRuntime,
  type CrashEvent,
  type InstanceSpec,
} from '../../../../server/features/self-service/runtime/local-runtime';
import { restartDelay } from '../../../../server/features/self-service/runtime/restart-policy';
import { RotatingLog, tailRotated } from '../../../../server/features/self-service/runtime/rotating-log';
import { waitFor } from '../../../harness/wait-for';
import { serviceProcesses } from './self-service-support';

// Issue 13, finding 10: a crashed service process was never restarted, and service logs were
// never rotated. Real processes throughout.
let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'pave-crash-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

let counter = 0;
/** A service whose script is `body`; it counts its starts in ./starts. */
async function app(body: string): Promise<{ dataDir: string; spec: InstanceSpec }> {
  const dataDir = path.join(root, `data-${++counter}`);
  const dir = path.join(dataDir, 'app');
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'server.js'),
    `const fs = require('node:fs');
     const starts = (fs.existsSync('starts') ? Number(fs.readFileSync('starts', 'utf8')) : 0) + 1;
     fs.writeFileSync('starts', String(starts));
     ${body}`,
  );
  return {
    dataDir,
    spec: {
      deploymentId: `dep-${counter}`,
      serviceId: `crashy-${process.pid}-${counter}`,
      environment: 'development',
      version: 'abc1234',
      dir,
      command: [process.execPath, 'server.js'],
      healthPath: '/',
      secrets: {},
    },
  };
}
const serve = `require('node:http').createServer((q, s) => s.end('ok ' + starts)).listen(Number(process.env.PORT), '127.0.0.1');`;

describe('restart policy', () => {
  it('doubles from 1 s up to the cap, and starts over after a stable run', () => {
    const policy = { initialMs: 1000, maxMs: 8000, stableMs: 60_000 };
    const delays: number[] = [];
    let attempt = 0;
    for (let i = 0; i < 6; i++) {
      const next = restartDelay(policy, attempt, 500);
      delays.push(next.delayMs);
      attempt = next.attempt;
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    expect(restartDelay(policy, attempt, 60_000)).toEqual({ delayMs: 1000, attempt: 1 });
  });
});

describe('a service process that crashes', () => {
  it('is restarted on its port with growing back-off until it stays up', async () => {
    const { dataDir, spec } = await app(`if (starts <= 3) process.exit(3); ${serve}`);
    const runtime = new LocalRuntime(dataDir, { restart: { initialMs: 50, maxMs: 120, stableMs: 60_000 } });
    const crashes: CrashEvent[] = [];
    runtime.on('crash', (event) => crashes.push(event));
    try {
      const instance = await runtime.start(spec);
      await waitFor(() => instance.restarts === 3 && instance.running, { what: 'the third restart' });
      expect(await runtime.waitHealthy(instance, 5000)).toBe(true);
      expect(await (await fetch(`http://127.0.0.1:${instance.port}/`)).text()).toBe('ok 4');
      expect(crashes.map((c) => [c.code, c.restartInMs])).toEqual([
        [3, 50],
        [3, 100],
        [3, 120],
      ]);
      expect(runtime.instance(spec.deploymentId)).toBe(instance);
      const pidFile = await readFile(
        path.join(runtime.envDir(spec.serviceId, 'development'), `${spec.deploymentId}.pid`),
        'utf8',
      );
      expect(pidFile).toBe(`${instance.child.pid} ${spec.deploymentId}\n`);
    } finally {
      await runtime.close();
    }
    expect(await serviceProcesses(spec.serviceId)).toEqual([]);
  });

  it('starts the back-off over after a run longer than the stable period, and stops restarting when stopped', async () => {
    const { dataDir, spec } = await app(`${serve} setTimeout(() => process.exit(1), 250);`);
    const runtime = new LocalRuntime(dataDir, { restart: { initialMs: 40, maxMs: 1000, stableMs: 100 } });
    const crashes: CrashEvent[] = [];
    runtime.on('crash', (event) => crashes.push(event));
    try {
      const instance = await runtime.start(spec);
      await waitFor(() => crashes.length >= 3, { what: 'three crashes' });
      expect(crashes.slice(0, 3).map((c) => c.restartInMs)).toEqual([40, 40, 40]);
      await runtime.stop(spec.deploymentId);
      expect(instance.running).toBe(false);
      expect(runtime.owns(spec.deploymentId)).toBe(false);
    } finally {
      await runtime.close();
    }
  });

  it('stays down when its deployment is not one to restart (a canary, a deploy in progress)', async () => {
    const { dataDir, spec } = await app('process.exit(4);');
    const asked: string[] = [];
    const runtime = new LocalRuntime(dataDir, {
      restart: { initialMs: 10 },
      shouldRestart: async (s) => (asked.push(s.deploymentId), false),
    });
    const crashes: CrashEvent[] = [];
    runtime.on('crash', (event) => crashes.push(event));
    try {
      const instance = await runtime.start(spec);
      expect(await instance.exited).toBe(4);
      await waitFor(() => crashes.length === 1, { what: 'the crash reported' });
      expect(crashes[0]).toMatchObject({ code: 4, restartInMs: null });
      expect(asked).toEqual([spec.deploymentId]);
      expect(instance.restarts).toBe(0);
      expect(runtime.owns(spec.deploymentId)).toBe(true);
      expect(runtime.instance(spec.deploymentId)).toBeUndefined();
    } finally {
      await runtime.close();
    }
  });

  it('is not restarted when it was stopped on purpose', async () => {
    const { dataDir, spec } = await app(serve);
    const runtime = new LocalRuntime(dataDir, { restart: { initialMs: 10 } });
    const crashes: CrashEvent[] = [];
    runtime.on('crash', (event) => crashes.push(event));
    const instance = await runtime.start(spec);
    expect(await runtime.waitHealthy(instance, 5000)).toBe(true);
    await runtime.stop(spec.deploymentId);
    await runtime.close();
    expect(crashes).toEqual([]);
    expect(Number(await readFile(path.join(spec.dir, 'starts'), 'utf8'))).toBe(1);
  });
});

describe('service log rotation', () => {
  it('rotates by size into N files, never splitting a line, and drops the oldest', async () => {
    const file = path.join(root, 'rotating.ndjson');
    const log = new RotatingLog(file, { maxBytes: 100, files: 3 });
    for (let i = 0; i < 50; i++) log.write(`line ${String(i).padStart(3, '0')}\n`); // 9 bytes each
    await log.close();
    const names = (await readdir(root)).filter((name) => name.startsWith('rotating.ndjson')).sort();
    expect(names).toEqual(['rotating.ndjson', 'rotating.ndjson.1', 'rotating.ndjson.2', 'rotating.ndjson.3']);
    for (const name of names) {
      expect((await stat(path.join(root, name))).size).toBeLessThanOrEqual(100);
      expect((await stat(path.join(root, name))).mode & 0o777).toBe(0o600);
    }
    // 11 lines a file: the live file holds 44–49, .3 the oldest kept (11–21), 00–10 are gone.
    const all = await tailRotated(file, 3, 1000);
    expect(all).toEqual(Array.from({ length: 39 }, (_, i) => `line ${String(i + 11).padStart(3, '0')}`));
    expect(await tailRotated(file, 3, 8)).toEqual(
      ['042', '043', '044', '045', '046', '047', '048', '049'].map((n) => `line ${n}`),
    );
  });

  it('the runtime keeps writing across rotations and its tail reads across the boundary', async () => {
    const { dataDir, spec } = await app(
      `for (let i = 0; i < 60; i++) console.log('output ' + String(i).padStart(2, '0')); ${serve}`,
    );
    const runtime = new LocalRuntime(dataDir, { logs: { maxBytes: 1000, files: 3 } });
    try {
      const instance = await runtime.start(spec);
      expect(await runtime.waitHealthy(instance, 5000)).toBe(true);
      await waitFor(
        async () => (await runtime.tail(spec.serviceId, 'development', 1))[0]?.line === 'output 59',
        {
          what: 'the last line captured',
        },
      );
      const file = runtime.logFile(spec.serviceId, 'development');
      expect((await stat(`${file}.1`)).size).toBeGreaterThan(0);
      const tail = await runtime.tail(spec.serviceId, 'development', 20);
      expect(tail.map((l) => l.line)).toEqual(
        Array.from({ length: 20 }, (_, i) => `output ${String(40 + i).padStart(2, '0')}`),
      );
      const live = (await readFile(file, 'utf8')).split('\n').filter(Boolean).length;
      expect(live).toBeLessThan(20);
    } finally {
      await runtime.close();
    }
  });
});
