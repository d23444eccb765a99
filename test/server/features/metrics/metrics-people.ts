import { apiClient } from '../../api-client';

/** Two teams with a service each, and a token for an engineer of the first team and for a lead. */
export async function seedMetricsOrg(url: string, adminToken: string) {
  const admin = apiClient(url, adminToken);
  const suffix = Math.random().toString(36).slice(2, 8);
  const team = async (slug: string) =>
    ((await admin('POST', '/v1/teams', { slug: `${slug}-${suffix}`, name: slug })).body as { id: string }).id;
  const service = async (name: string, ownerTeamId: string) =>
    (
      (
        await admin('POST', '/v1/services', {
          name: `${name}-${suffix}`,
          title: name,
          ownerTeamId,
          tier: 2,
          lifecycle: 'production',
        })
      ).body as { id: string }
    ).id;
  const person = async (name: string, role: 'engineer' | 'lead', teamIds: string[]) => {
    const user = (
      await admin('POST', '/v1/users', { name, email: `${name}-${suffix}@example.com`, role, teamIds })
    ).body as { id: string };
    return ((await admin('POST', `/v1/users/${user.id}/tokens`, { name: 'test' })).body as { token: string })
      .token;
  };
  const teamA = await team('alpha');
  const teamB = await team('beta');
  return {
    suffix,
    teamA,
    teamB,
    serviceA: await service('orders', teamA),
    serviceAName: `orders-${suffix}`,
    serviceB: await service('billing', teamB),
    serviceBName: `billing-${suffix}`,
    engineerToken: await person('ann', 'engineer', [teamA]),
    leadToken: await person('lee', 'lead', []),
  };
}
