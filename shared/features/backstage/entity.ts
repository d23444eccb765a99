import { z } from 'zod';

/**
 * The Backstage catalog entities Pave reads and writes, with the field rules Backstage's catalog
 * backend enforces when it ingests them, so that what Pave exports is accepted without warnings
 * (docs/architecture.md, "Features"). Sources: the descriptor format
 * (https://backstage.io/docs/features/software-catalog/descriptor-format), the JSON schemas in
 * `@backstage/catalog-model` (`Component.v1alpha1.schema.json`, `Group.v1alpha1.schema.json`,
 * `System.v1alpha1.schema.json`, `API.v1alpha1.schema.json`) and its `FieldFormatEntityPolicy`
 * with `KubernetesValidatorFunctions` (names, namespaces, label and annotation keys, tags).
 */

/** `isValidObjectName`: 1–63 chars, runs of [a-z0-9A-Z] separated by single `-`, `_` or `.`. */
export const EntityName = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9A-Z]+([-_.][a-z0-9A-Z]+)*$/, 'letters and digits, separated by single - _ or .');

/** `isValidNamespace`: a DNS label, 1–63 lowercase chars. */
export const EntityNamespace = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters, digits and single dashes');

/** `isValidDnsSubdomain`: the optional prefix of a label or annotation key. */
const DnsSubdomain = /^(?=.{1,253}$)[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$/;

/** `isValidLabelKey` / `isValidAnnotationKey`: `[prefix/]name`, the name an object name. */
export const MetadataKey = z.string().refine((key) => {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts.at(-1) ?? '';
  const prefix = parts.length === 2 ? (parts[0] ?? '') : null;
  return EntityName.safeParse(name).success && (prefix === null || DnsSubdomain.test(prefix));
}, 'a key is [prefix/]name: prefix a DNS subdomain, name letters and digits separated by - _ or .');

/** `isValidTag`: 1–63 chars of [a-z0-9:+#], words joined by single dashes. */
export const EntityTag = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/, 'lowercase letters, digits, : + #, joined by single dashes');

export const EntityLink = z
  .object({
    url: z.string().min(1),
    title: z.string().min(1).optional(),
    icon: z.string().min(1).optional(),
    type: z.string().min(1).optional(),
  })
  .strict();
export type EntityLink = z.infer<typeof EntityLink>;

export const EntityMetadata = z
  .object({
    name: EntityName,
    namespace: EntityNamespace.optional(),
    title: z.string().min(1).optional(),
    description: z.string().optional(),
    labels: z.record(MetadataKey, EntityName).optional(),
    annotations: z.record(MetadataKey, z.string()).optional(),
    tags: z.array(EntityTag).optional(),
    links: z.array(EntityLink).optional(),
  })
  // Backstage fills uid, etag and generation itself; Pave neither reads nor writes them.
  .strip();
export type EntityMetadata = z.infer<typeof EntityMetadata>;

/** An entity reference as written in a spec: `[kind:][namespace/]name`. */
const EntityRef = z.string().min(1);
const EntityRefs = z.array(EntityRef).optional();
const NonEmpty = z.string().min(1);

export const BACKSTAGE_API_VERSIONS = ['backstage.io/v1alpha1', 'backstage.io/v1beta1'] as const;
const ApiVersion = z.enum(BACKSTAGE_API_VERSIONS);

export const ComponentEntity = z.object({
  apiVersion: ApiVersion,
  kind: z.literal('Component'),
  metadata: EntityMetadata,
  spec: z
    .object({
      type: NonEmpty,
      lifecycle: NonEmpty,
      owner: EntityRef,
      system: EntityRef.optional(),
      subcomponentOf: EntityRef.optional(),
      providesApis: EntityRefs,
      consumesApis: EntityRefs,
      dependsOn: EntityRefs,
      dependencyOf: EntityRefs,
    })
    .strict(),
});
export type ComponentEntity = z.infer<typeof ComponentEntity>;

export const GroupEntity = z.object({
  apiVersion: ApiVersion,
  kind: z.literal('Group'),
  metadata: EntityMetadata,
  spec: z
    .object({
      type: NonEmpty,
      profile: z
        .object({
          displayName: NonEmpty.optional(),
          email: NonEmpty.optional(),
          picture: NonEmpty.optional(),
        })
        .strict()
        .optional(),
      parent: EntityRef.optional(),
      children: z.array(EntityRef),
      members: EntityRefs,
    })
    .strict(),
});
export type GroupEntity = z.infer<typeof GroupEntity>;

export const SystemEntity = z.object({
  apiVersion: ApiVersion,
  kind: z.literal('System'),
  metadata: EntityMetadata,
  spec: z.object({ owner: EntityRef, domain: EntityRef.optional(), type: NonEmpty.optional() }).strict(),
});
export type SystemEntity = z.infer<typeof SystemEntity>;

export const ApiEntity = z.object({
  apiVersion: ApiVersion,
  kind: z.literal('API'),
  metadata: EntityMetadata,
  spec: z
    .object({
      type: NonEmpty,
      lifecycle: NonEmpty,
      owner: EntityRef,
      definition: z.string().min(1),
      system: EntityRef.optional(),
    })
    .strict(),
});
export type ApiEntity = z.infer<typeof ApiEntity>;

/** The kinds Pave has a place for; every other kind is reported and skipped. */
export const BackstageEntity = z.discriminatedUnion('kind', [
  ComponentEntity,
  GroupEntity,
  SystemEntity,
  ApiEntity,
]);
export type BackstageEntity = z.infer<typeof BackstageEntity>;
export type BackstageKind = BackstageEntity['kind'];
export const BACKSTAGE_KINDS: readonly BackstageKind[] = ['Component', 'Group', 'System', 'API'];

/** Annotations carrying Pave's own fields (Backstage keeps unknown annotations as they are). */
export const PAVE_ANNOTATIONS = {
  tier: 'pave.dev/tier',
  repositoryUrl: 'pave.dev/repository-url',
  teamSize: 'pave.dev/team-size',
  /** Every tag as JSON, written only when some Pave tag breaks Backstage's tag rule. */
  tags: 'pave.dev/tags',
} as const;
