import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceRepositoryView } from '../../../../shared/features/git/api';
import type { PlatformEvent } from '../../../../shared/features/events/api';
import { DELETE_MAIN_REFUSED, FORCE_PUSH_REFUSED } from '../../../../server/features/git/hooks';
import type { Push } from '../../../../server/features/git/public';
import { apiClient } from '../../api-client';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import { waitFor } from '../../../harness/wait-for';
import { waitForOperation, type Api } from '../self-service/self-service-support';
import { cloneUrl, gitUser } from './git-cli';

const run = promisify(execFile);

let platform: TestPlatform;
let admin: Api;
let ann: { id: string; token: string };
let bob: { id: string; token: string };
let serviceId: string;
let bareRepo: string;
const pushes: Push[] = [];
const SERVICE = 'ledger';

/** main of the platform's bare repository, read straight from disk. */
const platformMain = async () =>
  (await run('git', ['-C', bareRepo, 'rev-parse', 'refs/heads/main'])).stdout.trim();

/** No operation of the service is queued or running (pipeline runs and the deploys they start). */
const serviceIdle = () =>
  waitFor(
    async () => {
      const { body } = await admin('GET', `/v1/operations?serviceId=${serviceId}`);
      const items = (body as { items: { status: string }[] }).items;
      return items.every((o) => o.status !== 'queued' && o.status !== 'running');
    },
    { timeoutMs: 120_000, what: `no operation of ${SERVICE} queued or running` },
  );

const pushEvents = async (): Promise<PlatformEvent[]> => {
  const { status, body } = await admin('GET', `/v1/platform-events?kind=push&serviceId=${serviceId}`);
  expect(status).toBe(200);
  return (body as { items: PlatformEvent[] }).items;
};

beforeAll(async () => {
  platform = await startTestPlatform({
    git: {
      onPush: [
        async (push) => void pushes.push(push),
        // A broken listener (a pipeline that cannot start, say) must not fail anyone's push.
        () => Promise.reject(new Error('listener exploded')),
      ],
    },
    selfService: { healthIntervalMs: 100, healthTimeoutMs: 8000 },
  });
  admin = apiClient(platform.url, platform.adminToken);
  const team = async (slug: string, name: string) =>
    ((await admin('POST', '/v1/teams', { slug, name })).body as { id: string }).id;
  const payments = await team('payments', 'Payments');
  const search = await team('search', 'Search');
  const engineer = async (name: string, teamId: string) => {
    const user = await admin('POST', '/v1/users', { name, email: `${name}@example.com`, teamIds: [teamId] });
    expect(user.status).toBe(201);
    const id = (user.body as { id: string }).id;
    const issued = await admin('POST', `/v1/users/${id}/tokens`, { name: 'git' });
    expect(issued.status).toBe(201);
    return { id, token: (issued.body as { token: string }).token };
  };
  ann = await engineer('ann', payments);
  bob = await engineer('bob', search);

  const created = await admin('POST', '/v1/templates/http-service/services', {
    values: { name: SERVICE, title: 'Ledger', ownerTeamId: payments },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(202);
  const operation = await waitForOperation(admin, (created.body as { operationId: string }).operationId);
  expect(operation.status, JSON.stringify(operation.error)).toBe('succeeded');
  serviceId = (operation.result as { serviceId: string }).serviceId;
  bareRepo = path.join(platform.dataDir, 'repositories', `${SERVICE}.git`);
}, 90_000);

afterAll(async () => {
  await platform?.close();
});

describe('git over smart HTTP', () => {
  it('clones with a token, and a push to main moves main, records a push event and tells the listeners', async () => {
    const user = await gitUser('ann');
    try {
      await user.ok(['clone', cloneUrl(platform.url, ann.token, SERVICE), 'work']);
      const work = path.join(user.home, 'work');
      const before = await platformMain();
      expect(await user.ok(['rev-parse', 'HEAD'], work)).toBe(before);

      await writeFile(path.join(work, 'CHANGELOG.md'), '# Changes\n\n- first change by hand\n');
      await user.ok(['add', 'CHANGELOG.md'], work);
      await user.ok(['commit', '-m', 'Add a changelog'], work);
      const after = await user.ok(['rev-parse', 'HEAD'], work);
      const pushed = await user.git(['push', 'origin', 'main'], work);
      expect(pushed.code, pushed.stderr).toBe(0);

      expect(await platformMain()).toBe(after);
      const events = await pushEvents();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        kind: 'push',
        serviceId,
        actorId: ann.id,
        data: { ref: 'refs/heads/main', before, after, commits: 1 },
      });
      // Listeners ran before the push's HTTP response ended, so before git returned.
      expect(pushes).toHaveLength(1);
      expect(pushes[0]).toMatchObject({
        serviceId,
        serviceName: SERVICE,
        ref: 'refs/heads/main',
        before,
        after,
        pusher: { userId: ann.id, role: 'engineer' },
        commits: [
          { sha: after, message: 'Add a changelog', authorName: 'ann', authorEmail: 'ann@example.com' },
        ],
      });
      expect(Date.parse(pushes[0]?.commits[0]?.committedAt ?? '')).not.toBeNaN();
      const audit = (await admin('GET', '/v1/audit?limit=1000')).body as {
        items: { action: string; actorUserId: string; entityId: string; detail: Record<string, unknown> }[];
      };
      expect(audit.items.find((entry) => entry.action === 'git.push')).toMatchObject({
        actorUserId: ann.id,
        entityId: serviceId,
        detail: { ref: 'refs/heads/main', before, after, commits: 1 },
      });
    } finally {
      await user.cleanup();
    }
  });

  it('lists only the new commits of a new branch, newest first', async () => {
    const user = await gitUser('ann');
    try {
      await user.ok(['clone', cloneUrl(platform.url, ann.token, SERVICE), 'work']);
      const work = path.join(user.home, 'work');
      await user.ok(['checkout', '-b', 'feature/notes'], work);
      for (const note of ['one', 'two']) {
        await writeFile(path.join(work, `${note}.md`), `${note}\n`);
        await user.ok(['add', '.'], work);
        await user.ok(['commit', '-m', `Note ${note}`], work);
      }
      const pushed = await user.git(['push', 'origin', 'feature/notes'], work);
      expect(pushed.code, pushed.stderr).toBe(0);
      const push = pushes.find((p) => p.ref === 'refs/heads/feature/notes');
      expect(push?.before).toBeNull();
      expect(push?.commits.map((c) => c.message)).toEqual(['Note two', 'Note one']);
      const event = (await pushEvents()).find((e) => e.data.ref === 'refs/heads/feature/notes');
      expect(event?.data).toMatchObject({ before: null, commits: 2 });
    } finally {
      await user.cleanup();
    }
  });

  it('refuses a wrong or missing token with an authentication error git understands', async () => {
    const user = await gitUser('mallory');
    try {
      const cloned = await user.git([
        'clone',
        cloneUrl(platform.url, 'pave_not-a-real-token', SERVICE),
        'work',
      ]);
      expect(cloned.code).not.toBe(0);
      expect(cloned.stderr).toMatch(/Authentication failed/);
    } finally {
      await user.cleanup();
    }
    const anonymous = await fetch(`${platform.url}/git/${SERVICE}.git/info/refs?service=git-upload-pack`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Basic realm="Pave"');
    // A bearer-only route still ignores basic credentials.
    const basic = `Basic ${Buffer.from(`x:${ann.token}`).toString('base64')}`;
    const api = await fetch(`${platform.url}/v1/services`, { headers: { authorization: basic } });
    expect(api.status).toBe(401);
  });

  it('lets an engineer of another team clone, and refuses their push with a reason from git', async () => {
    const user = await gitUser('bob');
    try {
      await user.ok(['clone', cloneUrl(platform.url, bob.token, SERVICE), 'work']);
      const work = path.join(user.home, 'work');
      await writeFile(path.join(work, 'bob.md'), 'not my service\n');
      await user.ok(['add', '.'], work);
      await user.ok(['commit', '-m', 'Drive-by change'], work);
      const mainBefore = await platformMain();
      const eventsBefore = (await pushEvents()).length;

      const pushed = await user.git(['push', 'origin', 'main'], work);
      expect(pushed.code).not.toBe(0);
      expect(pushed.stderr).toContain(
        'remote: Pave: bob may not push to ledger: it belongs to team Payments; ask a member of Payments or a lead',
      );
      expect(pushed.stderr).toMatch(/pre-receive hook declined/);
      expect(await platformMain()).toBe(mainBefore);
      expect(await pushEvents()).toHaveLength(eventsBefore);
    } finally {
      await user.cleanup();
    }
  });

  it('refuses a force-push and a deletion of main, and lets an admin push to any team', async () => {
    const user = await gitUser('ann');
    try {
      await user.ok(['clone', cloneUrl(platform.url, ann.token, SERVICE), 'work']);
      const work = path.join(user.home, 'work');
      const mainBefore = await platformMain();
      await user.ok(['reset', '--hard', 'HEAD~1'], work);
      await writeFile(path.join(work, 'rewrite.md'), 'history, rewritten\n');
      await user.ok(['add', '.'], work);
      await user.ok(['commit', '-m', 'Rewrite history'], work);

      const forced = await user.git(['push', '--force', 'origin', 'main'], work);
      expect(forced.code).not.toBe(0);
      expect(forced.stderr).toContain(`remote: Pave: ${FORCE_PUSH_REFUSED}`);
      const deleted = await user.git(['push', 'origin', ':main'], work);
      expect(deleted.code).not.toBe(0);
      expect(deleted.stderr).toContain(`remote: Pave: ${DELETE_MAIN_REFUSED}`);
      expect(await platformMain()).toBe(mainBefore);
    } finally {
      await user.cleanup();
    }

    const lead = await gitUser('admin');
    try {
      await lead.ok(['clone', cloneUrl(platform.url, platform.adminToken, SERVICE), 'work']);
      const work = path.join(lead.home, 'work');
      await writeFile(path.join(work, 'ADMIN.md'), 'admins act on every team\n');
      await lead.ok(['add', '.'], work);
      await lead.ok(['commit', '-m', 'Admin change'], work);
      const pushed = await lead.git(['push', 'origin', 'main'], work);
      expect(pushed.code, pushed.stderr).toBe(0);
      expect(await platformMain()).toBe(await lead.ok(['rev-parse', 'HEAD'], work));
    } finally {
      await lead.cleanup();
    }
  });

  it('answers 404 for a service it does not host and 400 for the dumb protocol', async () => {
    const auth = { authorization: `Basic ${Buffer.from(`x:${ann.token}`).toString('base64')}` };
    const unknown = await fetch(`${platform.url}/git/no-such-service.git/info/refs?service=git-upload-pack`, {
      headers: auth,
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    const traversal = await fetch(`${platform.url}/git/..%2Fetc.git/info/refs?service=git-upload-pack`, {
      headers: auth,
    });
    expect(traversal.status).toBe(400);
    const dumb = await fetch(`${platform.url}/git/${SERVICE}.git/info/refs`, { headers: auth });
    expect(dumb.status).toBe(400);

    const user = await gitUser('ann');
    try {
      const cloned = await user.git(['clone', cloneUrl(platform.url, ann.token, 'no-such-service'), 'work']);
      expect(cloned.code).not.toBe(0);
      expect(cloned.stderr).toMatch(/not found/);
    } finally {
      await user.cleanup();
    }
  });
});

describe('GET /v1/services/:id/repository', () => {
  it('gives the clone path, the recent commits on main and the commit each environment runs', async () => {
    // Pushes to main start pipelines that may deploy too: let them finish, then deploy main.
    await serviceIdle();
    const accepted = await admin('POST', `/v1/services/${serviceId}/deployments`, {
      environment: 'development',
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
    const deployed = await waitForOperation(admin, (accepted.body as { operationId: string }).operationId);
    expect(deployed.status, JSON.stringify(deployed.error)).toBe('succeeded');
    await serviceIdle();
    const live = await admin('GET', `/v1/services/${serviceId}/deployments?environment=development`);
    const liveRow = (live.body as { items: { id: string; version: string; status: string }[] }).items.find(
      (d) => d.status === 'live',
    );
    expect(liveRow).toBeDefined();

    const { status, body } = await apiClient(platform.url, bob.token)(
      'GET',
      `/v1/services/${serviceId}/repository`,
    );
    expect(status).toBe(200);
    const view = body as ServiceRepositoryView;
    expect(view.clonePath).toBe(`/git/${SERVICE}.git`);
    expect(view.defaultBranch).toBe('main');
    expect(view.commits[0]?.sha).toBe(await platformMain());
    expect(view.commits[0]).toMatchObject({ message: 'Admin change', authorName: 'admin' });
    expect(view.commits.map((c) => c.message)).toContain('Add a changelog');
    // The branch's commits are not on main.
    expect(view.commits.map((c) => c.message)).not.toContain('Note one');
    expect(view.environments.map((e) => e.environment)).toEqual(['development', 'staging', 'production']);
    expect(view.environments[0]).toEqual({
      environment: 'development',
      commitSha: liveRow?.version,
      deploymentId: liveRow?.id,
    });
    expect(view.environments[1]).toEqual({ environment: 'staging', commitSha: null, deploymentId: null });
  });

  it('answers 404 for a catalog service whose code the platform does not host', async () => {
    const teams = (await admin('GET', '/v1/teams')).body as { items: { id: string }[] };
    const created = await admin('POST', '/v1/services', {
      name: 'outside',
      title: 'Hosted elsewhere',
      ownerTeamId: teams.items[0]?.id,
      repositoryUrl: 'https://example.com/outside.git',
    });
    expect(created.status).toBe(201);
    const outside = await admin('GET', `/v1/services/${(created.body as { id: string }).id}/repository`);
    expect(outside.status).toBe(404);
    expect(outside.body).toMatchObject({ error: { code: 'not_found' } });
    expect((await admin('GET', '/v1/services/nope/repository')).status).toBe(404);
  });
});
