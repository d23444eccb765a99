import { describe, expect, it } from 'vitest';
import type { IncidentView } from '../../../../shared/features/self-service/api';
import { newlyOpened } from '../../../../renderer/features/self-service/newly-opened';

const incident = (id: string, ownerTeamId: string | null): IncidentView => ({
  id,
  serviceId: `svc-${id}`,
  environment: 'production',
  alertRuleId: 'rule',
  deploymentId: null,
  title: `svc-${id} unhealthy for more than 30 s`,
  status: 'open',
  openedAt: '2026-11-26T04:00:00.000Z',
  resolvedAt: null,
  serviceName: `svc-${id}`,
  ownerTeamId,
});

describe('which incidents notify', () => {
  it("notifies only new incidents of the user's own teams", () => {
    const open = [
      incident('a', 'payments'),
      incident('b', 'search'),
      incident('c', 'payments'),
      incident('d', null),
    ];
    const fresh = newlyOpened(open, new Set(['a']), new Set(['payments']));
    expect(fresh.map((i) => i.id)).toEqual(['c']);
  });

  it('says nothing to someone in no team', () => {
    expect(newlyOpened([incident('a', 'payments')], new Set(), new Set())).toEqual([]);
  });
});
