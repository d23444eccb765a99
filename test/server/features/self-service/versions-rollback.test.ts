import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceVersion } from '../../../../shared/features/self-service/api';
import { withTransaction } from '../../../../server/db/transaction';
import { createPool } from '../../../../server/db/pool';
import {
  findServiceRepository,
  publishVersion,
  serviceRepositoryOf,
} from '../../../../server/features/self-service/public';
import { commitFiles } from '../../../../server/features/self-service/repositories/git-repository';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import {
  author,
  createHttpService,
  deployAndWait,
  deploymentsOf,
  eventsOf,
  operationLog,
} from './release-support';
import { getJson, waitForOperation, type Api } from './self-service-support';

let platform: TestPlatform;
let service: Awaited<ReturnType<typeof createHttpService>>;
let api: Api;

beforeAll(async () => {
  platform = await startTestPlatform({ selfService: { healthIntervalMs: 200, healthTimeoutMs: 5000 } });
  service = await createHttpService(platform, 'versions-api', 'first version');
  api = service.api;
});

afterAll(async () => {
  await platform?.close();
});

const versionsOf = async (): Promise<ServiceVersion[]> => {
  const { body } = await api('GET', `/v1/services/${service.serviceId}/versions`);
  return (body as { items: ServiceVersion[] }).items;
};
const greeting = async () => (await getJson(`http://127.0.0.1:${service.stablePort}/`)).body.message;

async function rollbackAndWait(environment = 'development') {
  const accepted = await api('POST', `/v1/services/${service.serviceId}/rollbacks`, { environment });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
  return waitForOperation(api, (accepted.body as { operationId: string }).operationId, 120_000);
}

describe('versions and rollback', { timeout: 180_000 }, () => {
  it('publishes the first deploy as v1 and refuses a rollback with "only one version has run here"', async () => {
    const [v1] = await versionsOf();
    expect(v1).toMatchObject({
      number: 1,
      commitSha: service.version,
      source: 'deploy',
      pipelineRunId: null,
    });
    expect(v1?.artifact).toBe(path.join('artifacts', service.serviceId, `${service.version}.tar.gz`));
    const [live] = await deploymentsOf(api, service.serviceId);
    expect(live).toMatchObject({ status: 'live', versionId: v1?.id, versionNumber: 1 });

    const refused = await api('POST', `/v1/services/${service.serviceId}/rollbacks`, {
      environment: 'development',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      error: { code: 'rollback_unavailable', message: 'cannot roll back: only one version has run here' },
    });
    const nothing = await api('POST', `/v1/services/${service.serviceId}/rollbacks`, {
      environment: 'staging',
    });
    expect(JSON.stringify(nothing.body)).toContain('nothing is live in staging');
  });

  it('promotes v1 to staging by unpacking its artifact, without exporting or building again', async () => {
    const [v1] = await versionsOf();
    const artifact = path.join(platform.dataDir, v1?.artifact ?? '');
    const before = await stat(artifact);
    const operation = await deployAndWait(api, service.serviceId, {
      environment: 'staging',
      version: service.version,
    });
    expect(operation.status, JSON.stringify(operation.error)).toBe('succeeded');
    const log = await operationLog(platform, operation.id);
    expect(log).toContain(`unpacked the artifact of v1 (${service.version.slice(0, 7)})`);
    expect(log).not.toContain('building');
    expect(log).not.toContain('checking out');
    expect((await stat(artifact)).mtimeMs).toBe(before.mtimeMs);
    expect(await versionsOf()).toHaveLength(1);
    const [staging] = await deploymentsOf(api, service.serviceId, 'staging');
    expect(staging).toMatchObject({ status: 'live', versionNumber: 1 });
    // What ran is the artifact's content: the template's dependencies came with it.
    const dir = path.join(platform.dataDir, 'runtime', service.serviceId, 'staging', service.version);
    expect((await stat(path.join(dir, 'server.js'))).isFile()).toBe(true);
  });

  it("rolls back to the previous commit's response, from the kept process and then from the artifact", async () => {
    const second = await commitFiles(
      service.bareRepo,
      new Map([['server.js', service.serverJs.replace('"first version"', '"second version"')]]),
      author,
      'Second greeting',
    );
    const deployed = await deployAndWait(api, service.serviceId, { environment: 'development' });
    expect(deployed.status, JSON.stringify(deployed.error)).toBe('succeeded');
    expect(await greeting()).toBe('second version');
    expect((await versionsOf()).map((v) => [v.number, v.commitSha])).toEqual([
      [2, second.sha],
      [1, service.version],
    ]);

    const rolledBack = await rollbackAndWait();
    expect(rolledBack.status, JSON.stringify(rolledBack.error)).toBe('succeeded');
    expect(await greeting()).toBe('first version');
    expect(await operationLog(platform, rolledBack.id)).toContain('re-using the kept process');
    const rollbacks = await eventsOf(api, service.serviceId, 'rollback');
    expect(rollbacks.at(-1)?.data).toMatchObject({ fromVersion: second.sha, toVersion: service.version });

    // Forward again to v2, then a platform restart: kept processes are gone, and the version
    // directory of v1 is removed, so the next rollback can only come from v1's artifact.
    expect(
      (await deployAndWait(api, service.serviceId, { environment: 'development', version: second.sha }))
        .status,
    ).toBe('succeeded');
    expect(await greeting()).toBe('second version');
    await platform.stop();
    await rm(path.join(platform.dataDir, 'runtime', service.serviceId, 'development', service.version), {
      recursive: true,
      force: true,
    });
    await platform.start();
    const again = await rollbackAndWait();
    expect(again.status, JSON.stringify(again.error)).toBe('succeeded');
    const log = await operationLog(platform, again.id);
    expect(log).toContain(`unpacked the artifact of v1 (${service.version.slice(0, 7)})`);
    expect(log).not.toContain('building');
    expect(await greeting()).toBe('first version');
    const live = (await deploymentsOf(api, service.serviceId)).find((d) => d.status === 'live');
    expect(live).toMatchObject({ version: service.version, versionNumber: 1 });
  });

  it('records deploy and service_created events in the transactions that did them', async () => {
    const created = await eventsOf(api, service.serviceId, 'service_created');
    expect(created).toEqual([expect.objectContaining({ data: { templateId: 'http-service' } })]);
    const deploys = await eventsOf(api, service.serviceId, 'deploy');
    expect(deploys.length).toBeGreaterThanOrEqual(3);
    for (const event of deploys) {
      expect(event.data).toMatchObject({ result: 'live', canary: false });
      expect(Date.parse(String(event.data.committedAt))).toBeLessThanOrEqual(Date.parse(event.at));
    }
  });
});

describe('the public entry other features use', () => {
  it('publishVersion numbers per service, is idempotent per commit and refuses paths outside the data dir', async () => {
    const pool = createPool(platform.databaseUrl);
    try {
      const third = await commitFiles(service.bareRepo, new Map([['NOTES.md', 'notes\n']]), author, 'Notes');
      const artifactFile = path.join(platform.dataDir, 'artifacts', 'pipeline-test', `${third.sha}.tar.gz`);
      await mkdir(path.dirname(artifactFile), { recursive: true });
      await writeFile(artifactFile, 'not really a tarball, but a file that exists');
      const input = {
        serviceId: service.serviceId,
        commit: { sha: third.sha, message: third.message, committedAt: third.committedAt },
        artifactFile,
        pipelineRunId: 'run-1',
      };
      const first = await withTransaction(pool, (tx) => publishVersion(tx, input));
      const second = await withTransaction(pool, (tx) =>
        publishVersion(tx, { ...input, pipelineRunId: 'run-2' }),
      );
      expect(first).toMatchObject({ number: 3, source: 'pipeline', pipelineRunId: 'run-1' });
      expect(second).toEqual(first);
      await expect(
        withTransaction(pool, (tx) =>
          publishVersion(tx, {
            ...input,
            commit: { ...input.commit, sha: 'f'.repeat(40) },
            artifactFile: '/etc/passwd',
          }),
        ),
      ).rejects.toThrow(/not inside the platform data dir/);

      const byName = await findServiceRepository(pool, 'versions-api');
      expect(byName).toEqual({
        serviceId: service.serviceId,
        serviceName: 'versions-api',
        ownerTeamId: expect.any(String),
        templateId: 'http-service',
        bareRepo: service.bareRepo,
      });
      expect(await serviceRepositoryOf(pool, service.serviceId)).toEqual(byName);
      expect(await findServiceRepository(pool, 'no-such-service')).toBeNull();
    } finally {
      await pool.end();
    }
  });
});
