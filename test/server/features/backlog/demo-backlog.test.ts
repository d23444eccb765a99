import { afterAll, beforeAll, expect, it } from 'vitest';
import { BacklogItem } from '../../../../shared/features/backlog/api';
import { SupportRequest } from '../../../../shared/features/support/api';
import { apiClient } from '../../api-client';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seed: 'demo' });
});
afterAll(async () => platform?.close());

it('the demo seed has a plausible backlog with demand across all phases, and linked support requests', async () => {
  const api = apiClient(platform.url, platform.adminToken);
  const items = BacklogItem.array().parse(
    ((await api('GET', '/v1/backlog/items')).body as { items: unknown }).items,
  );
  expect(items).toHaveLength(30);
  expect(new Set(items.map((i) => i.phase))).toEqual(new Set(['foundation', 'common_needs', 'advanced']));
  expect(items.filter((i) => i.demandTeamIds.length >= 3).length).toBeGreaterThan(5);
  expect(items.filter((i) => i.status === 'done').every((i) => i.shippedAt !== null)).toBe(true);
  const requests = SupportRequest.array().parse(
    ((await api('GET', '/v1/support/requests')).body as { items: unknown }).items,
  );
  expect(requests.length).toBe(6);
  const linked = requests.filter((r) => r.linkedItemId);
  expect(linked.length).toBeGreaterThan(0);
  for (const r of linked)
    expect(items.find((i) => i.id === r.linkedItemId)?.demandTeamIds).toContain(r.teamId);
});
