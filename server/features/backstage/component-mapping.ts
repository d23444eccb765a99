import type { z } from 'zod';
import { ServiceCreate, type ServiceLink } from '../../../shared/features/catalog/api';
import {
  PAVE_ANNOTATIONS,
  type ComponentEntity,
  type EntityLink,
} from '../../../shared/features/backstage/entity';
import { canonicalJson, compact } from './canonical-json';

/**
 * Component ↔ service (docs/architecture.md, "Features"). Pave's catalog holds name, title,
 * description, owner, lifecycle, tags and links; the rest of the Component (spec.type, system,
 * relations, labels, other annotations, the links as written) is kept beside the service as its
 * Backstage fields, so an export gives the Component back.
 */
export interface ComponentFields {
  type: string;
  system?: string;
  subcomponentOf?: string;
  providesApis?: string[];
  consumesApis?: string[];
  dependsOn?: string[];
  dependencyOf?: string[];
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  links?: EntityLink[];
}

/** The service a Component describes, before its owner is resolved to a team id. */
/** What a service without kept fields exports as, and so compares equal to. */
export const DEFAULT_COMPONENT_FIELDS: ComponentFields = { type: 'service' };

export type ServiceDraft = Omit<z.output<typeof ServiceCreate>, 'ownerTeamId' | 'tier' | 'repositoryUrl'> & {
  /** Absent: a new service gets the catalog's default, an existing one keeps its own. */
  tier?: number;
  repositoryUrl?: string | null;
};

const isWebLink = (url: string): boolean => /^https?:\/\//i.test(url);

/** Pave's links are titled web links; Backstage's may lack a title or point elsewhere. */
export const toServiceLinks = (links: readonly EntityLink[] = []): ServiceLink[] =>
  links
    .filter((link) => isWebLink(link.url))
    .map((link) => ({ title: link.title ?? link.url, url: link.url }));

const withoutPaveAnnotations = (annotations: Record<string, string> = {}) =>
  Object.fromEntries(Object.entries(annotations).filter(([key]) => !key.startsWith('pave.dev/')));

/** Reads a Component; throws an Error whose message is the reason it is refused. */
export function componentToService(entity: ComponentEntity): {
  draft: ServiceDraft;
  fields: ComponentFields;
} {
  const { metadata, spec } = entity;
  const annotations = metadata.annotations ?? {};
  const tierText = annotations[PAVE_ANNOTATIONS.tier];
  let tier: number | undefined;
  if (tierText !== undefined) {
    tier = Number(tierText);
    if (!Number.isInteger(tier) || tier < 1 || tier > 4) {
      throw new Error(`annotation ${PAVE_ANNOTATIONS.tier}: "${tierText}" is not a tier (1, 2, 3 or 4)`);
    }
  }
  const repositoryText = annotations[PAVE_ANNOTATIONS.repositoryUrl];
  const tags = paveTags(annotations[PAVE_ANNOTATIONS.tags]) ?? metadata.tags ?? [];
  const parsed = ServiceCreate.safeParse({
    name: metadata.name,
    title: metadata.title ?? metadata.name,
    description: metadata.description ?? '',
    ownerTeamId: 'resolved-later',
    tier: tier ?? 3,
    lifecycle: spec.lifecycle,
    repositoryUrl: repositoryText ?? null,
    tags,
    links: toServiceLinks(metadata.links),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = fieldName(issue?.path ?? []);
    throw new Error(`${field}: ${issue?.message ?? 'invalid'} (Pave's catalog rule)`);
  }
  const { ownerTeamId: _owner, tier: _tier, repositoryUrl, ...rest } = parsed.data;
  const draft: ServiceDraft = {
    ...rest,
    ...(tier !== undefined ? { tier } : {}),
    ...(repositoryText !== undefined ? { repositoryUrl } : {}),
  };
  const fields = compact({
    type: spec.type,
    system: spec.system,
    subcomponentOf: spec.subcomponentOf,
    providesApis: spec.providesApis,
    consumesApis: spec.consumesApis,
    dependsOn: spec.dependsOn,
    dependencyOf: spec.dependencyOf,
    labels: metadata.labels,
    annotations: withoutPaveAnnotations(metadata.annotations),
    // Kept only when Pave's titled web links would lose something (an icon, a type, a title).
    links: keptLinks(metadata.links),
  }) as ComponentFields;
  return { draft, fields };
}

function keptLinks(links: EntityLink[] | undefined): EntityLink[] | undefined {
  if (!links) return undefined;
  return canonicalJson(links) === canonicalJson(toServiceLinks(links)) ? undefined : links;
}

/** `pave.dev/tags`: Pave's tags as written when some break Backstage's rule (see the export). */
function paveTags(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  if (!Array.isArray(value) || !value.every((tag) => typeof tag === 'string')) {
    throw new Error(`annotation ${PAVE_ANNOTATIONS.tags}: not a JSON list of tags`);
  }
  return value as string[];
}

/** A catalog field's name as a Backstage author knows it. */
function fieldName(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  const names: Record<string, string> = {
    name: 'metadata.name',
    title: 'metadata.title',
    description: 'metadata.description',
    lifecycle: 'spec.lifecycle',
    tags: 'metadata.tags',
    links: 'metadata.links',
    repositoryUrl: `metadata.annotations.${PAVE_ANNOTATIONS.repositoryUrl}`,
  };
  return [names[head ?? ''] ?? head ?? 'entity', ...rest].join('.');
}
