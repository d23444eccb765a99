import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { LocalRuntime } from '../../../../server/features/self-service/runtime/local-runtime';
import { serviceProcesses } from './self-service-support';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

it('reaps the processes of a platform that died without stopping them, and nothing else', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pave-runtime-'));
  dirs.push(dataDir);
  const dir = path.join(dataDir, 'app');
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'server.js'),
    "require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1');\n",
  );
  const serviceId = `orphan-${Date.now()}`;
  // The "dead" platform: started a version, then vanished without close().
  const dead = new LocalRuntime(dataDir);
  const instance = await dead.start({
    deploymentId: 'dep-1',
    serviceId,
    environment: 'development',
    version: 'abc1234',
    dir,
    command: [process.execPath, 'server.js'],
    healthPath: '/',
    secrets: {},
  });
  expect(await dead.waitHealthy(instance, 5000)).toBe(true);
  expect(await serviceProcesses(serviceId)).toHaveLength(1);

  // A stale pid file naming an unrelated live process (this test runner) must not get it killed.
  await writeFile(path.join(dead.envDir(serviceId, 'development'), 'dep-0.pid'), `${process.pid} dep-0\n`);

  const restarted = new LocalRuntime(dataDir);
  expect(await restarted.reapOrphans()).toBe(1);
  await instance.exited;
  expect(await serviceProcesses(serviceId)).toEqual([]);
  await restarted.close();
  await dead.close();
});
