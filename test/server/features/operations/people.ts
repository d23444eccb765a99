import { apiClient } from '../../api-client';

/** Two teams, a service owned by the first, and an engineer in each team with a token. */
export async function seedTeamsAndEngineers(url: string, adminToken: string) {
  const admin = apiClient(url, adminToken);
  const suffix = Math.random().toString(36).slice(2, 8);
  const teamA = (await admin('POST', '/v1/teams', { slug: `alpha-${suffix}`, name: 'Alpha' })).body as {
    id: string;
  };
  const teamB = (await admin('POST', '/v1/teams', { slug: `beta-${suffix}`, name: 'Beta' })).body as {
    id: string;
  };
  const service = (
    await admin('POST', '/v1/services', {
      name: `orders-${suffix}`,
      title: 'Orders',
      ownerTeamId: teamA.id,
      tier: 2,
      lifecycle: 'production',
    })
  ).body as { id: string };
  const engineer = async (name: string, teamId: string) => {
    const user = (
      await admin('POST', '/v1/users', { name, email: `${name}-${suffix}@example.com`, teamIds: [teamId] })
    ).body as { id: string };
    const { token } = (await admin('POST', `/v1/users/${user.id}/tokens`, { name: 'test' })).body as {
      token: string;
    };
    return token;
  };
  return {
    teamA,
    teamB,
    serviceId: service.id,
    ownToken: await engineer('ann', teamA.id),
    otherToken: await engineer('bob', teamB.id),
  };
}
