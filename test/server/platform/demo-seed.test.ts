import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Service } from '../../../shared/features/catalog/api';
import { Team, User, listOf } from '../../../shared/api/directory';
import { generateDemoServices } from '../../../server/features/catalog/demo';
import { DEMO_SEED, generateDemoDirectory } from '../../../server/directory/demo';
import { createPicker } from '../../../shared/domain/seeded-random';
import { startTestPlatform, type TestPlatform } from '../../harness/platform';
import { apiClient } from '../api-client';

/** The demo organization as the seed writes it: the directory, then the catalog from the same picker. */
function generateDemoCatalog(seed = DEMO_SEED) {
  const rng = createPicker(seed);
  const directory = generateDemoDirectory(rng);
  return { ...directory, services: generateDemoServices(directory, rng) };
}

describe('demo catalog generator', () => {
  it('is deterministic: same seed, same catalog; another seed, another catalog', () => {
    expect(generateDemoCatalog(7)).toEqual(generateDemoCatalog(7));
    expect(generateDemoCatalog()).toEqual(generateDemoCatalog());
    expect(generateDemoCatalog(7)).not.toEqual(generateDemoCatalog(8));
  });

  it('has 15 teams, about 45 people and about 60 services, all valid and consistent', () => {
    const catalog = generateDemoCatalog();
    expect(catalog.orgName).toBe('Acme Demo (sample data)');
    expect(catalog.teams).toHaveLength(15);
    expect(catalog.users.length).toBeGreaterThanOrEqual(40);
    expect(catalog.users.length).toBeLessThanOrEqual(50);
    expect(catalog.services.length).toBeGreaterThanOrEqual(55);
    expect(catalog.services.length).toBeLessThanOrEqual(65);
    const teamIds = new Set(catalog.teams.map((team) => team.id));
    for (const service of catalog.services) {
      expect(teamIds.has(service.input.ownerTeamId)).toBe(true);
      expect(service.input.repositoryUrl).toBe(`https://git.example.com/acme/${service.input.name}`);
      expect(service.input.tier).toBeGreaterThanOrEqual(1);
      expect(service.input.tier).toBeLessThanOrEqual(4);
    }
    expect(new Set(catalog.services.map((service) => service.input.name)).size).toBe(catalog.services.length);
    expect(new Set(catalog.users.map((user) => user.input.email)).size).toBe(catalog.users.length);
    expect(catalog.users.some((user) => user.input.role === 'lead')).toBe(true);
  });
});

describe('seeded platform', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ seed: 'demo' });
  });
  afterAll(async () => platform?.close());

  it('serves the demo org through the API, labeled as demo data', async () => {
    const admin = apiClient(platform.url, platform.adminToken);
    const me = (await admin('GET', '/v1/me')).body as { org: { name: string; isDemo: boolean } };
    expect(me.org).toMatchObject({ name: 'Acme Demo (sample data)', isDemo: true });
    const teams = listOf(Team).parse((await admin('GET', '/v1/teams')).body).items;
    expect(teams.map((team) => team.name)).toContain('Risk & Fraud');
    expect(teams).toHaveLength(15);
    const services = listOf(Service).parse((await admin('GET', '/v1/services')).body).items;
    expect(services).toHaveLength(generateDemoCatalog().services.length);
    expect(services.find((service) => service.name === 'payments-api')?.ownerTeamId).toBe('team-payments');
    const users = listOf(User).parse((await admin('GET', '/v1/users')).body).items;
    // The demo people plus the admin the platform signs in as.
    expect(users).toHaveLength(generateDemoCatalog().users.length + 1);
  });
});
