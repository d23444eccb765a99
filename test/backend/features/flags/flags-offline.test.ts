import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlagsHandlers } from '../../../../electron/backend/features/flags/handlers';
import type { PlatformEvent } from '../../../../shared/features/events/api';
import { Flag } from '../../../../shared/features/flags/api';
import { startDesktopClient } from '../../desktop-client';
import { featureContext } from '../../feature-context';
import { apiClient } from '../../../server/api-client';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';

let platform: TestPlatform;
let dir: string;
let admin: ReturnType<typeof apiClient>;
let engineerToken: string;
let outsiderToken: string;
let serviceId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  dir = mkdtempSync(join(tmpdir(), 'pave-flags-'));
  admin = apiClient(platform.url, platform.adminToken);
  const team = async (slug: string) =>
    ((await admin('POST', '/v1/teams', { slug, name: slug })).body as { id: string }).id;
  const payments = await team('payments');
  const search = await team('search');
  serviceId = (
    (await admin('POST', '/v1/services', { name: 'checkout', title: 'Checkout', ownerTeamId: payments }))
      .body as { id: string }
  ).id;
  const token = async (name: string, teamIds: string[]) => {
    const user = (
      await admin('POST', '/v1/users', { name, email: `${name}@example.com`, role: 'engineer', teamIds })
    ).body as { id: string };
    return ((await admin('POST', `/v1/users/${user.id}/tokens`, {})).body as { token: string }).token;
  };
  engineerToken = await token('erin', [payments]);
  outsiderToken = await token('oscar', [search]);
});

afterAll(async () => {
  await platform?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function desktop(name: string, token: string) {
  const client = await startDesktopClient(join(dir, `${name}.db`), { url: platform.url, token });
  const ctx = featureContext(client.db, { onLocalChange: () => client.engine.localChange() });
  const { handlers } = createFlagsHandlers(ctx);
  const list = () => handlers['flags:list']({ serviceId });
  const flag = (key: string, environment = 'production') =>
    list().flags.find((f) => f.key === key && f.environment === environment);
  return { client, handlers, list, flag };
}

const flagEvents = async (flagId: string) =>
  (
    (await admin('GET', `/v1/platform-events?kind=flag_changed&serviceId=${serviceId}`)).body as {
      items: PlatformEvent[];
    }
  ).items.filter((e) => e.data.flagId === flagId);

describe('flags on the desktop', () => {
  it('creates a flag, then toggles it offline: shown at once as pending, applied exactly once after reconnecting', async () => {
    const { client, handlers, flag } = await desktop('erin', engineerToken);
    try {
      await client.connect();
      await client.settled();
      const { id } = handlers['flags:create']({
        serviceId,
        environment: 'production',
        key: 'new-checkout',
        description: 'One-page checkout',
        enabled: false,
        rolloutPercent: 100,
      });
      expect(flag('new-checkout')).toMatchObject({ id, enabled: false, pending: true });
      await client.settled();
      await client.waitUntil(() => flag('new-checkout')?.pending === false);
      expect(Flag.parse((await admin('GET', `/v1/flags/${id}`)).body).key).toBe('new-checkout');

      await client.engine.detach();
      handlers['flags:update']({ id, enabled: true });
      handlers['flags:update']({ id, rolloutPercent: 30 });
      expect(flag('new-checkout')).toMatchObject({ enabled: true, rolloutPercent: 30, pending: true });
      expect(Flag.parse((await admin('GET', `/v1/flags/${id}`)).body).enabled).toBe(false);

      await client.connect();
      await client.settled();
      const server = Flag.parse((await admin('GET', `/v1/flags/${id}`)).body);
      expect(server).toMatchObject({ enabled: true, rolloutPercent: 30 });
      expect((await flagEvents(id)).map((e) => e.data.change)).toEqual(['created', 'enabled', 'rollout']);
      await client.waitUntil(() => flag('new-checkout')?.pending === false);
      expect(flag('new-checkout')).toMatchObject({ enabled: true, rolloutPercent: 30 });
    } finally {
      await client.close();
    }
  });

  it('refuses a key it already knows at once, with the platform’s wording', async () => {
    const { client, handlers } = await desktop('erin-again', engineerToken);
    try {
      await client.connect();
      await client.settled();
      await client.waitUntil(() => handlers['flags:list']({ serviceId }).flags.length > 0);
      expect(() =>
        handlers['flags:create']({
          serviceId,
          environment: 'production',
          key: 'new-checkout',
          description: '',
          enabled: false,
          rolloutPercent: 100,
        }),
      ).toThrow('a flag "new-checkout" already exists for checkout in production');
    } finally {
      await client.close();
    }
  });

  it('rolls back what the platform refuses — a key someone else took meanwhile, a stranger’s toggle — and says why', async () => {
    const erin = await desktop('erin-offline', engineerToken);
    const oscar = await desktop('oscar', outsiderToken);
    try {
      await erin.client.connect();
      await erin.client.settled();
      await erin.client.engine.detach();
      // While Erin is offline, someone else creates the same key.
      expect(
        (await admin('POST', `/v1/services/${serviceId}/flags`, { environment: 'staging', key: 'dark-mode' }))
          .status,
      ).toBe(201);
      erin.handlers['flags:create']({
        serviceId,
        environment: 'staging',
        key: 'dark-mode',
        description: 'mine',
        enabled: true,
        rolloutPercent: 100,
      });
      expect(erin.flag('dark-mode', 'staging')).toMatchObject({ description: 'mine', pending: true });
      await erin.client.connect();
      await erin.client.settled();
      const refused = await erin.client.waitUntil(() => {
        const page = erin.list();
        return page.problems.length > 0 && page;
      });
      expect(refused.problems).toMatchObject([
        {
          name: 'flag.create',
          key: 'dark-mode',
          environment: 'staging',
          status: 'rejected',
          reason: {
            code: 'flag_exists',
            message: 'a flag "dark-mode" already exists for checkout in staging',
          },
        },
      ]);
      // The optimistic row is gone; the platform's flag (off, no description) is what shows.
      await erin.client.waitUntil(() => erin.flag('dark-mode', 'staging')?.description === '');
      expect(erin.list().flags.filter((f) => f.key === 'dark-mode')).toHaveLength(1);
      expect(erin.flag('dark-mode', 'staging')).toMatchObject({ enabled: false, pending: false });

      await oscar.client.connect();
      await oscar.client.settled();
      await oscar.client.waitUntil(() => oscar.flag('new-checkout'));
      const target = oscar.flag('new-checkout');
      oscar.handlers['flags:update']({ id: target?.id ?? '', enabled: false });
      expect(oscar.flag('new-checkout')?.enabled).toBe(false);
      await oscar.client.settled();
      const problem = await oscar.client.waitUntil(() => oscar.list().problems[0]);
      expect(problem).toMatchObject({
        name: 'flag.update',
        key: 'new-checkout',
        reason: { code: 'forbidden' },
      });
      await oscar.client.waitUntil(() => oscar.flag('new-checkout')?.enabled === true);
      expect(Flag.parse((await admin('GET', `/v1/flags/${target?.id ?? ''}`)).body).enabled).toBe(true);
    } finally {
      await erin.client.close();
      await oscar.client.close();
    }
  });

  it('deletes offline and names the flag in the outbox', async () => {
    const { client, handlers, flag } = await desktop('erin-delete', engineerToken);
    try {
      await client.connect();
      await client.settled();
      await client.waitUntil(() => flag('new-checkout'));
      const id = flag('new-checkout')?.id ?? '';
      await client.engine.detach();
      handlers['flags:delete']({ id });
      expect(flag('new-checkout')).toBeUndefined();
      const outbox = client.handlers['outbox:list']({});
      expect(outbox.map((item) => item.summary)).toContain('Delete flag new-checkout (production)');
      await client.connect();
      await client.settled();
      expect((await admin('GET', `/v1/flags/${id}`)).status).toBe(404);
      expect((await flagEvents(id)).map((e) => e.data.change).at(-1)).toBe('deleted');
    } finally {
      await client.close();
    }
  });
});
