import type { z } from 'zod';
import type { Lifecycle, ServiceCreate } from '../../shared/features/catalog/api';
import type { TeamCreate, UserCreate } from '../../shared/api/directory';
import { createPicker } from './prng';

/** The seeded demo organization: plausible, clearly labeled, and identical on every run. */
export const DEMO_ORG_NAME = 'Acme Demo (sample data)';
export const DEMO_SEED = 20240611;

interface TeamSpec {
  slug: string;
  name: string;
  mission: string;
  services: string[];
}

// Four services per team: 15 × 4 = 60.
const TEAMS: TeamSpec[] = [
  {
    slug: 'payments',
    name: 'Payments',
    mission: 'Moves money: card authorisation, capture and refunds.',
    services: ['payments-api', 'ledger-service', 'refund-worker', 'payment-methods'],
  },
  {
    slug: 'identity',
    name: 'Identity',
    mission: 'Sign-in, sessions and permissions for customers and staff.',
    services: ['auth-service', 'session-store', 'identity-web', 'permissions-api'],
  },
  {
    slug: 'search',
    name: 'Search',
    mission: 'Finds the right product in under 100 ms.',
    services: ['search-api', 'search-indexer', 'query-suggest', 'ranking-service'],
  },
  {
    slug: 'checkout',
    name: 'Checkout',
    mission: 'Turns a basket into a confirmed order.',
    services: ['checkout-web', 'cart-service', 'order-api', 'promo-engine'],
  },
  {
    slug: 'growth',
    name: 'Growth',
    mission: 'Experiments, referrals and onboarding funnels.',
    services: ['experiments-api', 'referral-service', 'onboarding-web', 'feature-flags'],
  },
  {
    slug: 'data-platform',
    name: 'Data Platform',
    mission: 'Pipelines, the warehouse and the event bus everyone reads from.',
    services: ['event-collector', 'warehouse-loader', 'metrics-pipeline', 'schema-registry'],
  },
  {
    slug: 'mobile',
    name: 'Mobile',
    mission: 'The iOS and Android apps and their backend-for-frontend.',
    services: ['mobile-bff', 'push-gateway', 'app-config', 'mobile-release-bot'],
  },
  {
    slug: 'notifications',
    name: 'Notifications',
    mission: 'Email, SMS and in-app messages, delivered once.',
    services: ['notification-api', 'email-sender', 'sms-gateway', 'template-service'],
  },
  {
    slug: 'fulfillment',
    name: 'Fulfillment',
    mission: 'Warehouses, shipping labels and delivery tracking.',
    services: ['shipping-api', 'warehouse-sync', 'tracking-service', 'label-printer'],
  },
  {
    slug: 'risk-fraud',
    name: 'Risk & Fraud',
    mission: 'Stops fraud without stopping customers.',
    services: ['fraud-scoring', 'risk-rules', 'chargeback-service', 'kyc-service'],
  },
  {
    slug: 'developer-experience',
    name: 'Developer Experience',
    mission: 'Builds, CI and the paved road for every engineer.',
    services: ['ci-runner', 'build-cache', 'service-templates', 'docs-portal'],
  },
  {
    slug: 'catalog',
    name: 'Catalog',
    mission: 'Products, variants and their content.',
    services: ['catalog-api', 'product-importer', 'media-service', 'inventory-service'],
  },
  {
    slug: 'pricing',
    name: 'Pricing',
    mission: 'Prices, taxes and currency conversion.',
    services: ['pricing-api', 'tax-service', 'currency-rates', 'price-history'],
  },
  {
    slug: 'support-tools',
    name: 'Support Tools',
    mission: 'What customer support uses to help people fast.',
    services: ['support-console', 'ticket-sync', 'customer-timeline', 'macro-service'],
  },
  {
    slug: 'infrastructure',
    name: 'Infrastructure',
    mission: 'Clusters, networking and the databases under everything.',
    services: ['api-gateway', 'dns-controller', 'secrets-broker', 'log-shipper'],
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

const TAGS = [
  'java',
  'go',
  'typescript',
  'python',
  'kotlin',
  'postgres',
  'redis',
  'kafka',
  'grpc',
  'rest',
  'pci',
  'gdpr',
  'customer-facing',
  'internal',
  'batch',
];

function describe(name: string, team: TeamSpec): { title: string; description: string } {
  const words = name.split('-');
  const title = words
    .map((word) =>
      ['api', 'bff', 'kyc', 'sms', 'dns', 'ci'].includes(word)
        ? word.toUpperCase()
        : word[0]!.toUpperCase() + word.slice(1),
    )
    .join(' ');
  const kind = words.at(-1);
  const role =
    kind === 'api'
      ? 'HTTP API'
      : kind === 'web' || kind === 'console' || kind === 'portal'
        ? 'web front end'
        : kind === 'worker' || kind === 'loader' || kind === 'shipper' || kind === 'bot'
          ? 'background worker'
          : 'service';
  return { title, description: `${title}: a ${role} owned by ${team.name}. ${team.mission}` };
}

export interface DemoRecord<T> {
  id: string;
  at: string;
  input: T;
}

export interface DemoCatalog {
  orgName: string;
  teams: DemoRecord<z.output<typeof TeamCreate>>[];
  users: DemoRecord<z.output<typeof UserCreate>>[];
  services: DemoRecord<z.output<typeof ServiceCreate>>[];
}

// Fixed timestamps keep the output identical across runs; they spread over a plausible year.
const EPOCH = Date.UTC(2024, 0, 8, 9, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

/** Pure: the same seed always gives the same catalog. */
export function generateDemoCatalog(seed: number = DEMO_SEED): DemoCatalog {
  const rng = createPicker(seed);
  const at = (maxDays: number) =>
    new Date(EPOCH + rng.int(0, maxDays) * DAY + rng.int(0, 8 * 60) * 60_000).toISOString();

  const teams = TEAMS.map((team) => ({
    id: `team-${team.slug}`,
    at: at(30),
    input: { slug: team.slug, name: team.name, description: team.mission, size: rng.int(4, 22) },
  }));

  const names = new Set<string>();
  const users: DemoCatalog['users'] = [];
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

  const services: DemoCatalog['services'] = [];
  for (const team of TEAMS) {
    for (const name of team.services) {
      const { title, description } = describe(name, team);
      const lifecycle: Lifecycle = rng.chance(0.75)
        ? 'production'
        : rng.chance(0.6)
          ? 'experimental'
          : 'deprecated';
      const repositoryUrl = `https://git.example.com/acme/${name}`;
      services.push({
        id: `svc-${name}`,
        at: at(330),
        input: {
          name,
          title,
          description,
          ownerTeamId: `team-${team.slug}`,
          tier: rng.pick([1, 2, 2, 3, 3, 3, 4]),
          lifecycle,
          repositoryUrl,
          tags: rng.sample(TAGS, rng.int(1, 4)).sort(),
          links: [
            { title: 'Runbook', url: `https://wiki.example.com/acme/runbooks/${name}` },
            { title: 'Dashboard', url: `https://grafana.example.com/d/${name}` },
            ...(rng.chance(0.4)
              ? [{ title: 'On-call', url: `https://oncall.example.com/acme/${team.slug}` }]
              : []),
          ],
        },
      });
    }
  }
  return { orgName: DEMO_ORG_NAME, teams, users, services };
}
