import { z } from 'zod';
import { Slug } from '../../../../shared/api/directory';
import { Tier } from '../../../../shared/features/catalog/api';
import type { PolicyRule } from '../../../../shared/features/self-service/api';

/**
 * The service templates the platform offers. Sources live in resources/templates/<id>/ with
 * `{{placeholders}}`; `parameters` validates the form values (and is served as JSON Schema).
 */
export interface TemplateDefinition {
  id: string;
  title: string;
  description: string;
  parameters: z.ZodObject;
  policies: PolicyRule[];
  /** Run in the version directory before starting; null = nothing to build. */
  build: string[] | null;
  start: string[];
  healthPath: string;
}

const common = {
  name: Slug.describe('Service name: lowercase letters, digits and dashes'),
  title: z.string().min(1).max(200).describe('Title'),
  description: z.string().max(2000).default('').describe('Description'),
  ownerTeamId: z.string().min(1).max(100).describe('Owner team'),
  tier: Tier.default(3).describe('Tier (1 = most critical)'),
};

export const productionAfterStaging: PolicyRule = {
  id: 'production-after-healthy-staging',
  description: 'Production only after a healthy staging deploy of the same version',
  severity: 'blocking',
};

const stagingAfterDevelopment: PolicyRule = {
  id: 'staging-after-development',
  description: 'Staging after the same version has run in development',
  severity: 'warning',
};

export const templateDefinitions: readonly TemplateDefinition[] = [
  {
    id: 'http-service',
    title: 'HTTP service',
    description: 'A Node HTTP service with a /healthz endpoint, JSON logs and its catalog entry baked in.',
    parameters: z.object({
      ...common,
      greeting: z.string().min(1).max(200).default('Hello from Pave').describe('Response of GET /'),
      logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info').describe('Log level'),
    }),
    policies: [productionAfterStaging, stagingAfterDevelopment],
    build: ['npm', 'install', '--no-audit', '--no-fund', '--prefer-offline', '--omit=dev'],
    start: ['node', 'server.js'],
    healthPath: '/healthz',
  },
  {
    id: 'background-worker',
    title: 'Background worker',
    description: 'A job loop with structured logs and a health endpoint that reports a stuck loop.',
    parameters: z.object({
      ...common,
      intervalSeconds: z.number().int().min(1).max(3600).default(5).describe('Seconds between job runs'),
    }),
    // A worker has no callers to break: the same rule only warns.
    policies: [{ ...productionAfterStaging, severity: 'warning' }, stagingAfterDevelopment],
    build: null,
    start: ['node', 'worker.js'],
    healthPath: '/healthz',
  },
];

export function findTemplate(id: string): TemplateDefinition | undefined {
  return templateDefinitions.find((template) => template.id === id);
}
