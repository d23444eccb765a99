import { TeamCreate } from '../../../shared/api/directory';
import {
  PAVE_ANNOTATIONS,
  type EntityLink,
  type GroupEntity,
} from '../../../shared/features/backstage/entity';
import { compact } from './canonical-json';

/**
 * Group ↔ team. Pave's team holds the slug (metadata.name), the name (profile.displayName, else
 * the title), the description and the head count (`pave.dev/team-size`); the Group's type,
 * hierarchy, members and the rest are kept beside the team as its Backstage fields.
 */
export interface GroupFields {
  type: string;
  title?: string;
  parent?: string;
  children?: string[];
  members?: string[];
  email?: string;
  picture?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  tags?: string[];
  links?: EntityLink[];
}

/** What a team without kept fields exports as, and so compares equal to. */
export const DEFAULT_GROUP_FIELDS: GroupFields = { type: 'team' };

export interface TeamDraft {
  slug: string;
  name: string;
  description: string;
  /** Absent: a new team counts 0, an existing one keeps its head count. */
  size?: number;
}

export function groupToTeam(entity: GroupEntity): { draft: TeamDraft; fields: GroupFields } {
  const { metadata, spec } = entity;
  const annotations = metadata.annotations ?? {};
  const sizeText = annotations[PAVE_ANNOTATIONS.teamSize];
  const size = sizeText === undefined ? undefined : Number(sizeText);
  if (size !== undefined && (!Number.isInteger(size) || size < 0)) {
    throw new Error(`annotation ${PAVE_ANNOTATIONS.teamSize}: "${sizeText}" is not a head count`);
  }
  const displayName = spec.profile?.displayName;
  const parsed = TeamCreate.safeParse({
    slug: metadata.name,
    name: displayName ?? metadata.title ?? metadata.name,
    description: metadata.description ?? '',
    size: size ?? 0,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0] === 'slug' ? 'metadata.name' : String(issue?.path[0] ?? 'entity');
    throw new Error(`${field}: ${issue?.message ?? 'invalid'} (Pave's team rule)`);
  }
  const draft: TeamDraft = {
    slug: parsed.data.slug,
    name: parsed.data.name,
    description: parsed.data.description,
    ...(size !== undefined ? { size } : {}),
  };
  const otherAnnotations = Object.fromEntries(
    Object.entries(annotations).filter(([key]) => !key.startsWith('pave.dev/')),
  );
  const fields = compact({
    type: spec.type,
    // The title is the team's name unless a display name took that place.
    title: displayName !== undefined ? metadata.title : undefined,
    parent: spec.parent,
    children: spec.children,
    members: spec.members,
    email: spec.profile?.email,
    picture: spec.profile?.picture,
    labels: metadata.labels,
    annotations: otherAnnotations,
    tags: metadata.tags,
    links: metadata.links,
  }) as GroupFields;
  return { draft, fields };
}
