import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ComponentEntity } from '../../../../shared/features/backstage/entity';
import type { Service } from '../../../../shared/features/catalog/api';
import type { PipelineRun } from '../../../../shared/features/pipelines/api';
import { createPool } from '../../../../server/db/pool';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import { waitFor } from '../../../harness/wait-for';
import { apiClient } from '../../api-client';
import { cloneUrl, gitUser } from '../git/git-cli';
import { waitForOperation } from '../pipelines/pipeline-support';
import type { Api } from './backstage-support';

let platform: TestPlatform;
let admin: Api;
let db: Pool;
let user: Awaited<ReturnType<typeof gitUser>>;
let serviceId: string;
const SERVICE = 'ledger';

beforeAll(async () => {
  platform = await startTestPlatform();
  admin = apiClient(platform.url, platform.adminToken);
  db = createPool(platform.databaseUrl);
  const team = (await admin('POST', '/v1/teams', { slug: 'payments', name: 'Payments' })).body as {
    id: string;
  };
  const engineer = (
    await admin('POST', '/v1/users', { name: 'Ann', email: 'ann@example.com', teamIds: [team.id] })
  ).body as { id: string };
  const token = (
    (await admin('POST', `/v1/users/${engineer.id}/tokens`, { name: 'git' })).body as { token: string }
  ).token;
  const created = await admin('POST', '/v1/templates/http-service/services', {
    values: { name: SERVICE, title: 'Ledger', ownerTeamId: team.id },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(202);
  const operation = await waitForOperation(admin, (created.body as { operationId: string }).operationId);
  expect(operation.status, JSON.stringify(operation.error)).toBe('succeeded');
  serviceId = (operation.result as { serviceId: string }).serviceId;
  user = await gitUser('ann');
  await user.ok(['clone', cloneUrl(platform.url, token, SERVICE), 'work']);
}, 120_000);

afterAll(async () => {
  await user?.cleanup();
  await db?.end();
  await platform?.close();
});

const work = () => path.join(user.home, 'work');
const catalogFile = () => path.join(work(), 'catalog-info.yaml');

async function push(text: string, message: string): Promise<string> {
  await writeFile(catalogFile(), text);
  await user.ok(['commit', '--quiet', '-am', message], work());
  const pushed = await user.git(['push', 'origin', 'HEAD:main'], work());
  expect(pushed.code, pushed.stderr).toBe(0);
  return user.ok(['rev-parse', 'HEAD'], work());
}

/** The `[catalog]` line in the log of the pipeline run the push started. */
async function catalogLine(sha: string): Promise<{ level: string; message: string }> {
  const run = await waitFor(
    async () => {
      const { body } = await admin('GET', `/v1/services/${serviceId}/pipeline-runs`);
      return (body as { items: PipelineRun[] }).items.find((item) => item.commitSha === sha);
    },
    { what: `the pipeline run of ${sha.slice(0, 7)}` },
  );
  return waitFor(
    async () => {
      const { rows } = await db.query<{ level: string; message: string }>(
        `SELECT level, message FROM operation_events WHERE operation_id = $1 AND message LIKE '[catalog]%'`,
        [run.operationId],
      );
      return rows[0];
    },
    { what: `a [catalog] line in run ${run.id}` },
  );
}

const service = async (): Promise<Service> =>
  (await admin('GET', `/v1/services/${serviceId}`)).body as Service;

describe('catalog-info.yaml in the service repository', () => {
  it('the template wrote it in Backstage format, owner and tier as Pave knows them', async () => {
    const entity = ComponentEntity.parse(parseYaml(await readFile(catalogFile(), 'utf8')));
    expect(entity).toMatchObject({
      metadata: {
        name: SERVICE,
        title: 'Ledger',
        annotations: { 'pave.dev/tier': '3' },
        tags: ['http-service'],
      },
      spec: { type: 'service', lifecycle: 'experimental', owner: 'group:default/payments' },
    });
  });

  it('a push to main that edits it updates the catalog entry, said in the pipeline run', async () => {
    const text = (await readFile(catalogFile(), 'utf8'))
      .replace('title: "Ledger"', 'title: "Ledger of payments"')
      .replace('pave.dev/tier: "3"', 'pave.dev/tier: "1"')
      .replace('    - http-service\n', '    - http-service\n    - money\n');
    const sha = await push(text, 'Catalog: title, tier and a tag');
    expect(await catalogLine(sha)).toEqual({
      level: 'info',
      message: '[catalog] catalog-info.yaml: updated the catalog entry (title, tags, tier)',
    });
    expect(await service()).toMatchObject({
      title: 'Ledger of payments',
      tier: 1,
      tags: ['http-service', 'money'],
    });
  });

  it('an invalid edit is refused in the pipeline run with the field and why; the entry stays', async () => {
    const before = await service();
    const text = (await readFile(catalogFile(), 'utf8'))
      .replace('lifecycle: experimental', 'lifecycle: sunset')
      .replace('title: "Ledger of payments"', 'title: "Renamed"');
    const sha = await push(text, 'Catalog: a lifecycle Pave does not know');
    const line = await catalogLine(sha);
    expect(line.level).toBe('error');
    expect(line.message).toBe(
      "[catalog] catalog-info.yaml refused, the catalog entry is unchanged: spec.lifecycle: must be one of experimental, production, deprecated (Pave's catalog rule)",
    );
    expect(await service()).toEqual(before);
  });

  it('a file that names another component is refused, not applied elsewhere', async () => {
    const text = (await readFile(catalogFile(), 'utf8')).replace(`name: ${SERVICE}`, 'name: someone-else');
    const sha = await push(text, 'Catalog: wrong name');
    expect((await catalogLine(sha)).message).toBe(
      `[catalog] catalog-info.yaml refused, the catalog entry is unchanged: catalog-info.yaml must hold exactly one Component whose metadata.name is ${SERVICE} (found 0)`,
    );
  });
});
