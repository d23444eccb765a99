import { z } from 'zod';
import { text } from './text';

/**
 * The organization's directory: org, teams and people. Core, not a feature: authentication,
 * roles and team membership rest on it on every side (docs/architecture.md, "Core").
 */

export const Role = z.enum(['engineer', 'lead', 'admin']);
export type Role = z.infer<typeof Role>;

export const Timestamp = z.iso.datetime({ offset: true });
export const Id = text().min(1).max(100);
/** DNS-label style: service and team names end up in hostnames, database names and key prefixes. */
export const Slug = z
  .string()
  .min(2)
  .max(63)
  .regex(
    /^[a-z][a-z0-9-]*[a-z0-9]$/,
    'must use lowercase letters, digits and dashes, starting with a letter',
  );

export const Org = z.object({
  id: Id,
  name: text().min(1).max(200),
  /** True for the seeded demo organization; the UI labels it as demo data everywhere. */
  isDemo: z.boolean(),
  updatedAt: Timestamp,
});
export type Org = z.infer<typeof Org>;

export const Team = z.object({
  id: Id,
  slug: Slug,
  name: text().min(1).max(200),
  description: text().max(2000),
  /** Head count; weights team demand in backlog prioritization. */
  size: z.number().int().min(0).max(100000),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Team = z.infer<typeof Team>;

export const User = z.object({
  id: Id,
  name: text().min(1).max(200),
  /** null: withheld from this reader — engineers see only their own (server/auth/roles.ts). */
  email: z.email().nullable(),
  role: Role,
  teamIds: z.array(Id),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type User = z.infer<typeof User>;

export const TeamCreate = Team.pick({ slug: true, name: true }).extend({
  description: text().max(2000).default(''),
  size: z.number().int().min(0).max(100000).default(0),
});
export const TeamPatch = TeamCreate.partial();

export const UserCreate = z.object({
  name: text().min(1).max(200),
  email: z.email(),
  role: Role.default('engineer'),
  teamIds: z.array(Id).default([]),
});
export const UserPatch = UserCreate.partial();

export const TokenCreate = z.object({ name: text().min(1).max(100).default('token') });
export const TokenCreated = z.object({ token: text().min(20) });

export const Me = z.object({ user: User, org: Org });
export type Me = z.infer<typeof Me>;

export const Health = z.object({ status: z.literal('ok'), version: text() });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** The directory's synced entities (shared/contract.ts adds every feature's). */
export const directoryEntities = { org: Org, team: Team, user: User } as const;
