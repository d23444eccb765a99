import type { z } from 'zod';
import type { TeamCreate, UserCreate } from '../../shared/api/directory';
import type { Picker } from '../../shared/domain/seeded-random';

/** The seeded demo organization: plausible, clearly labeled, and identical on every run. */
export const DEMO_ORG_NAME = 'Acme Demo (sample data)';
export const DEMO_SEED = 20240611;

interface TeamSpec {
  slug: string;
  name: string;
  mission: string;
}

// Four services per team: 15 × 4 = 60.
const TEAMS: TeamSpec[] = [
  {
    slug: 'payments',
    name: 'Payments',
    mission: 'Moves money: card authorisation, capture and refunds.',
  },
  {
    slug: 'identity',
    name: 'Identity',
    mission: 'Sign-in, sessions and permissions for customers and staff.',
  },
  {
    slug: 'search',
    name: 'Search',
    mission: 'Finds the right product in under 100 ms.',
  },
  {
    slug: 'checkout',
    name: 'Checkout',
    mission: 'Turns a basket into a confirmed order.',
  },
  {
    slug: 'growth',
    name: 'Growth',
    mission: 'Experiments, referrals and onboarding funnels.',
  },
  {
    slug: 'data-platform',
    name: 'Data Platform',
    mission: 'Pipelines, the warehouse and the event bus everyone reads from.',
  },
  {
    slug: 'mobile',
    name: 'Mobile',
    mission: 'The iOS and Android apps and their backend-for-frontend.',
  },
  {
    slug: 'notifications',
    name: 'Notifications',
    mission: 'Email, SMS and in-app messages, delivered once.',
  },
  {
    slug: 'fulfillment',
    name: 'Fulfillment',
    mission: 'Warehouses, shipping labels and delivery tracking.',
  },
  {
    slug: 'risk-fraud',
    name: 'Risk & Fraud',
    mission: 'Stops fraud without stopping customers.',
  },
  {
    slug: 'developer-experience',
    name: 'Developer Experience',
    mission: 'Builds, CI and the paved road for every engineer.',
  },
  {
    slug: 'catalog',
    name: 'Catalog',
    mission: 'Products, variants and their content.',
  },
  {
    slug: 'pricing',
    name: 'Pricing',
    mission: 'Prices, taxes and currency conversion.',
  },
  {
    slug: 'support-tools',
    name: 'Support Tools',
    mission: 'What customer support uses to help people fast.',
  },
  {
    slug: 'infrastructure',
    name: 'Infrastructure',
    mission: 'Clusters, networking and the databases under everything.',
  },
];

const FIRST_NAMES = [
  'Ada',
  'Ben',
  'Chloe',
  'Dev',
  'Elena',
  'Farah',
  'Gabriel',
  'Hana',
  'Ivan',
  'Jonas',
  'Keiko',
  'Liam',
  'Maya',
  'Noah',
  'Olga',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tomas',
  'Uma',
  'Victor',
  'Wen',
  'Yusuf',
  'Zoe',
  'Amara',
  'Bruno',
  'Carmen',
  'Diego',
  'Emeka',
  'Fatima',
  'Greta',
  'Hugo',
  'Ines',
  'Jae',
  'Kofi',
  'Lena',
  'Mateo',
];
const LAST_NAMES = [
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Patel',
  'Schmidt',
  'Tanaka',
  'Silva',
  'Novak',
  'Haddad',
  'Kowalski',
  'Nguyen',
  'Fischer',
  'Rossi',
  'Andersen',
  'Costa',
  'Dubois',
  'Ivanova',
  'Mensah',
  'Sato',
  'Walsh',
  'Yilmaz',
  'Garcia',
  'Horvath',
  'Berg',
];

export interface DemoRecord<T> {
  id: string;
  at: string;
  input: T;
}

export interface DemoDirectory {
  orgName: string;
  teams: DemoRecord<z.output<typeof TeamCreate>>[];
  users: DemoRecord<z.output<typeof UserCreate>>[];
}

// Fixed timestamps keep the output identical across runs; they spread over a plausible year.
const EPOCH = Date.UTC(2024, 0, 8, 9, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

/** A fixed-epoch timestamp up to `maxDays` later (two draws from `rng`). */
export const demoTime = (rng: Picker, maxDays: number): string =>
  new Date(EPOCH + rng.int(0, maxDays) * DAY + rng.int(0, 8 * 60) * 60_000).toISOString();

/** Pure: the same picker state always gives the same teams and people. */
export function generateDemoDirectory(rng: Picker): DemoDirectory {
  const at = (maxDays: number) => demoTime(rng, maxDays);

  const teams = TEAMS.map((team) => ({
    id: `team-${team.slug}`,
    at: at(30),
    input: { slug: team.slug, name: team.name, description: team.mission, size: rng.int(4, 22) },
  }));

  const names = new Set<string>();
  const users: DemoDirectory['users'] = [];
  TEAMS.forEach((team, index) => {
    // Three people per team; every third team's first person is its lead.
    for (let n = 0; n < 3; n += 1) {
      let name: string;
      do name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
      while (names.has(name));
      names.add(name);
      const teamIds = [`team-${team.slug}`];
      // A few people sit in two teams, as in any real org chart.
      if (rng.chance(0.12)) {
        const other = TEAMS[(index + rng.int(1, TEAMS.length - 1)) % TEAMS.length]!;
        teamIds.push(`team-${other.slug}`);
      }
      const email = `${name.toLowerCase().replace(' ', '.')}@acme.example`;
      users.push({
        id: `user-${name.toLowerCase().replace(' ', '-')}`,
        at: at(60),
        input: { name, email, role: n === 0 && index % 3 === 0 ? 'lead' : 'engineer', teamIds },
      });
    }
  });

  return { orgName: DEMO_ORG_NAME, teams, users };
}
