import { z } from 'zod';

/** Catalog entities as the platform API returns them and as they travel in the change log. */

export const Role = z.enum(['engineer', 'lead', 'admin']);
export type Role = z.infer<typeof Role>;

/** Backstage's lifecycle vocabulary, so imported catalogs map one to one. */
export const Lifecycle = z.enum(['experimental', 'production', 'deprecated']);
export type Lifecycle = z.infer<typeof Lifecycle>;

export const Tier = z.number().int().min(1).max(4);
export type Tier = z.infer<typeof Tier>;

export const EnvironmentName = z.enum(['development', 'staging', 'production']);
export type EnvironmentName = z.infer<typeof EnvironmentName>;

const Timestamp = z.iso.datetime({ offset: true });
const Id = z.string().min(1).max(100);
/** DNS-label style: service and team names end up in hostnames, database names and key prefixes. */
export const Slug = z
  .string()
  .min(2)
  .max(63)
  .regex(/^[a-z][a-z0-9-]*[a-z0-9]$/, 'lowercase letters, digits and dashes, starting with a letter');

export const Org = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  /** True for the seeded demo organization; the UI labels it as demo data everywhere. */
  isDemo: z.boolean(),
  updatedAt: Timestamp,
});
export type Org = z.infer<typeof Org>;

export const Team = z.object({
  id: Id,
  slug: Slug,
  name: z.string().min(1).max(200),
  description: z.string().max(2000),
  /** Head count; weights team demand in backlog prioritization. */
  size: z.number().int().min(0).max(100000),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Team = z.infer<typeof Team>;

export const User = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  email: z.email(),
  role: Role,
  teamIds: z.array(Id),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type User = z.infer<typeof User>;

export const ServiceLink = z.object({
  title: z.string().min(1).max(200),
  url: z.url({ protocol: /^https?$/ }),
});
export type ServiceLink = z.infer<typeof ServiceLink>;

export const Service = z.object({
  id: Id,
  name: Slug,
  title: z.string().min(1).max(200),
  description: z.string().max(5000),
  ownerTeamId: Id,
  tier: Tier,
  lifecycle: Lifecycle,
  repositoryUrl: z.url({ protocol: /^https?$/ }).nullable(),
  tags: z.array(z.string().min(1).max(50)).max(30),
  links: z.array(ServiceLink).max(30),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Service = z.infer<typeof Service>;

export const Environment = z.object({
  id: Id,
  name: EnvironmentName,
  title: z.string().min(1).max(100),
  /** Promotion order: development (1) → staging (2) → production (3). */
  position: z.number().int().min(0),
});
export type Environment = z.infer<typeof Environment>;

// ---- Admin/API inputs -------------------------------------------------------------------

export const TeamCreate = Team.pick({ slug: true, name: true }).extend({
  description: z.string().max(2000).default(''),
  size: z.number().int().min(0).max(100000).default(0),
});
export const TeamPatch = TeamCreate.partial();

export const UserCreate = z.object({
  name: z.string().min(1).max(200),
  email: z.email(),
  role: Role.default('engineer'),
  teamIds: z.array(Id).default([]),
});
export const UserPatch = UserCreate.partial();

export const ServiceCreate = z.object({
  name: Slug,
  title: z.string().min(1).max(200),
  description: z.string().max(5000).default(''),
  ownerTeamId: Id,
  tier: Tier.default(3),
  lifecycle: Lifecycle.default('experimental'),
  repositoryUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
  tags: z.array(z.string().min(1).max(50)).max(30).default([]),
  links: z.array(ServiceLink).max(30).default([]),
});
export const ServicePatch = ServiceCreate.partial();

export const TokenCreate = z.object({ name: z.string().min(1).max(100).default('token') });
export const TokenCreated = z.object({ token: z.string().min(20) });

export const Me = z.object({ user: User, org: Org });
export type Me = z.infer<typeof Me>;

export const Health = z.object({ status: z.literal('ok'), version: z.string() });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
