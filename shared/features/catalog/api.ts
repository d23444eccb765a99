import { z } from 'zod';
import { text } from '../../api/text';
import { Id, Slug, Timestamp } from '../../api/directory';

/** Catalog entities as the platform API returns them and as they travel in the change log. */

/** Backstage's lifecycle vocabulary, so imported catalogs map one to one. */
export const Lifecycle = z.enum(['experimental', 'production', 'deprecated']);
export type Lifecycle = z.infer<typeof Lifecycle>;

export const Tier = z.number().int().min(1).max(4);
export type Tier = z.infer<typeof Tier>;

export const EnvironmentName = z.enum(['development', 'staging', 'production']);
export type EnvironmentName = z.infer<typeof EnvironmentName>;

export const ServiceLink = z.object({
  title: text().min(1).max(200),
  url: z.url({ protocol: /^https?$/ }),
});
export type ServiceLink = z.infer<typeof ServiceLink>;

export const Service = z.object({
  id: Id,
  name: Slug,
  title: text().min(1).max(200),
  description: text().max(5000),
  ownerTeamId: Id,
  tier: Tier,
  lifecycle: Lifecycle,
  repositoryUrl: z.url({ protocol: /^https?$/ }).nullable(),
  tags: z.array(text().min(1).max(50)).max(30),
  links: z.array(ServiceLink).max(30),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Service = z.infer<typeof Service>;

export const Environment = z.object({
  id: Id,
  name: EnvironmentName,
  title: text().min(1).max(100),
  /** Promotion order: development (1) → staging (2) → production (3). */
  position: z.number().int().min(0),
});
export type Environment = z.infer<typeof Environment>;

export const ServiceCreate = z.object({
  name: Slug,
  title: text().min(1).max(200),
  description: text().max(5000).default(''),
  ownerTeamId: Id,
  tier: Tier.default(3),
  lifecycle: Lifecycle.default('experimental'),
  repositoryUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
  tags: z.array(text().min(1).max(50)).max(30).default([]),
  links: z.array(ServiceLink).max(30).default([]),
});
export const ServicePatch = ServiceCreate.partial();

/** The catalog fields a service's owners may edit; each present field is applied on its own. */
export const ServiceEdit = Service.pick({
  title: true,
  description: true,
  tier: true,
  lifecycle: true,
  tags: true,
  links: true,
})
  .partial()
  .strict();
export type ServiceEdit = z.infer<typeof ServiceEdit>;

/** `service.update`: per-field last-writer-wins in server arrival order; a deleted service → not_found. */
export const ServiceUpdateArgs = z.object({ id: text().min(1).max(100), patch: ServiceEdit });
export type ServiceUpdateArgs = z.infer<typeof ServiceUpdateArgs>;
