import type { z } from 'zod';
import type { Lifecycle, ServiceCreate } from '../../../shared/features/catalog/api';
import type { Tx } from '../../db/transaction';
import { demoTime, type DemoDirectory, type DemoRecord } from '../../directory/demo';
import type { DemoSeed } from '../../platform/server-feature';
import type { Picker } from '../../../shared/domain/seeded-random';
import { createService } from './store';

type DemoTeam = DemoDirectory['teams'][number];

// Four services per team: 15 × 4 = 60.
const SERVICES_BY_TEAM: Record<string, readonly string[]> = {
  payments: ['payments-api', 'ledger-service', 'refund-worker', 'payment-methods'],
  identity: ['auth-service', 'session-store', 'identity-web', 'permissions-api'],
  search: ['search-api', 'search-indexer', 'query-suggest', 'ranking-service'],
  checkout: ['checkout-web', 'cart-service', 'order-api', 'promo-engine'],
  growth: ['experiments-api', 'referral-service', 'onboarding-web', 'feature-flags'],
  'data-platform': ['event-collector', 'warehouse-loader', 'metrics-pipeline', 'schema-registry'],
  mobile: ['mobile-bff', 'push-gateway', 'app-config', 'mobile-release-bot'],
  notifications: ['notification-api', 'email-sender', 'sms-gateway', 'template-service'],
  fulfillment: ['shipping-api', 'warehouse-sync', 'tracking-service', 'label-printer'],
  'risk-fraud': ['fraud-scoring', 'risk-rules', 'chargeback-service', 'kyc-service'],
  'developer-experience': ['ci-runner', 'build-cache', 'service-templates', 'docs-portal'],
  catalog: ['catalog-api', 'product-importer', 'media-service', 'inventory-service'],
  pricing: ['pricing-api', 'tax-service', 'currency-rates', 'price-history'],
  'support-tools': ['support-console', 'ticket-sync', 'customer-timeline', 'macro-service'],
  infrastructure: ['api-gateway', 'dns-controller', 'secrets-broker', 'log-shipper'],
};

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

function describe(name: string, team: DemoTeam): { title: string; description: string } {
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
  return { title, description: `${title}: a ${role} owned by ${team.input.name}. ${team.input.description}` };
}

/**
 * The demo teams' services, drawn from the directory's picker right after the directory: the same
 * seed always gives the same catalog.
 */
export function generateDemoServices(
  directory: DemoDirectory,
  rng: Picker,
): DemoRecord<z.output<typeof ServiceCreate>>[] {
  const services: DemoRecord<z.output<typeof ServiceCreate>>[] = [];
  for (const team of directory.teams) {
    for (const name of SERVICES_BY_TEAM[team.input.slug] ?? []) {
      const { title, description } = describe(name, team);
      const lifecycle: Lifecycle = rng.chance(0.75)
        ? 'production'
        : rng.chance(0.6)
          ? 'experimental'
          : 'deprecated';
      const repositoryUrl = `https://git.example.com/acme/${name}`;
      services.push({
        id: `svc-${name}`,
        at: demoTime(rng, 330),
        input: {
          name,
          title,
          description,
          ownerTeamId: team.id,
          tier: rng.pick([1, 2, 2, 3, 3, 3, 4]),
          lifecycle,
          repositoryUrl,
          tags: rng.sample(TAGS, rng.int(1, 4)).sort(),
          links: [
            { title: 'Runbook', url: `https://wiki.example.com/acme/runbooks/${name}` },
            { title: 'Dashboard', url: `https://grafana.example.com/d/${name}` },
            ...(rng.chance(0.4)
              ? [{ title: 'On-call', url: `https://oncall.example.com/acme/${team.input.slug}` }]
              : []),
          ],
        },
      });
    }
  }
  return services;
}

/** Seeds the catalog through the same function the API uses (change log and audit included). */
export async function seedDemoServices(tx: Tx, demo: DemoSeed): Promise<void> {
  for (const service of generateDemoServices(demo.directory, demo.rng)) {
    await createService(tx, null, service.input, service);
  }
}
