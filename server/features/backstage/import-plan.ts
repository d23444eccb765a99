import type { ImportReport, PlannedEntity } from '../../../shared/features/backstage/api';
import {
  BACKSTAGE_KINDS,
  BackstageEntity,
  type ApiEntity,
  type SystemEntity,
} from '../../../shared/features/backstage/entity';
import type { Service } from '../../../shared/features/catalog/api';
import { canonicalJson } from './canonical-json';
import { keptKey, type CatalogState } from './catalog-state';
import {
  componentToService,
  DEFAULT_COMPONENT_FIELDS,
  type ComponentFields,
  type ServiceDraft,
} from './component-mapping';
import { groupRef, parseEntityRef } from './entity-ref';
import { DEFAULT_GROUP_FIELDS, groupToTeam, type GroupFields, type TeamDraft } from './group-mapping';
import type { ParsedDocument } from './parse-documents';

/** An owner resolved against Pave's teams: an existing team, or one this import creates. */
export type OwnerRef = { teamId: string } | { newTeamSlug: string };

export type TeamAction =
  | { action: 'create'; draft: TeamDraft; fields: GroupFields }
  | { action: 'update'; teamId: string; slug: string; patch: Partial<TeamDraft>; fields: GroupFields };

export type ServiceAction =
  | { action: 'create'; draft: ServiceDraft; owner: OwnerRef; fields: ComponentFields }
  | {
      action: 'update';
      serviceId: string;
      patch: Partial<ServiceDraft> & { owner?: OwnerRef };
      fields: ComponentFields;
      fieldsChanged: boolean;
    };

export interface KeptAction {
  entity: SystemEntity | ApiEntity;
}

/** What an import would do: the report a person reads, and the writes that make it true. */
export interface ImportPlan {
  report: ImportReport;
  teams: TeamAction[];
  services: ServiceAction[];
  kept: KeptAction[];
}

interface Seen {
  file: string;
  documentIndex: number;
}

/**
 * Decides, document by document, what importing the sources does to the catalog (issue 14,
 * point 1). Pure: it reads the parsed documents and the current state and writes nothing, so the
 * dry run and the applied import are the same computation. Groups are planned first, so a
 * Component may be owned by a team the same import creates; an owner that resolves to no team is
 * refused, never guessed.
 */
export function planImport(documents: readonly ParsedDocument[], state: CatalogState): ImportPlan {
  const plan: ImportPlan = {
    report: { create: [], update: [], unchanged: [], refused: [], skipped: [] },
    teams: [],
    services: [],
    kept: [],
  };
  const { report } = plan;
  // Backstage compares names case-insensitively within a kind and namespace.
  const places = new Map<string, Seen[]>();
  let valid: { doc: Seen; entity: BackstageEntity }[] = [];

  for (const doc of documents) {
    const at = { file: doc.file, documentIndex: doc.documentIndex };
    if ('error' in doc) {
      report.refused.push({ ...at, kind: '', name: '', reason: doc.error });
      continue;
    }
    const value = doc.value as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown } } | null;
    const kind = typeof value?.kind === 'string' ? value.kind : '';
    const name = typeof value?.metadata?.name === 'string' ? value.metadata.name : '';
    if (!value || typeof value !== 'object' || !kind || typeof value.apiVersion !== 'string') {
      report.skipped.push({ ...at, kind, reason: 'not a Backstage entity (no apiVersion and kind)' });
      continue;
    }
    if (!value.apiVersion.startsWith('backstage.io/')) {
      report.skipped.push({ ...at, kind, reason: `apiVersion ${value.apiVersion} is not a Backstage one` });
      continue;
    }
    if (!(BACKSTAGE_KINDS as readonly string[]).includes(kind)) {
      report.skipped.push({
        ...at,
        kind,
        reason: `kind ${kind}: Pave keeps ${BACKSTAGE_KINDS.join(', ')} and skips the rest`,
      });
      continue;
    }
    const parsed = BackstageEntity.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.map(String).join('.') || 'entity';
      report.refused.push({ ...at, kind, name, reason: `${field}: ${issue?.message ?? 'invalid'}` });
      continue;
    }
    const namespace = parsed.data.metadata.namespace ?? 'default';
    if (namespace !== 'default') {
      report.refused.push({
        ...at,
        kind,
        name,
        reason: `metadata.namespace ${namespace}: Pave has one namespace, default`,
      });
      continue;
    }
    const key = keptKey(kind, name);
    places.set(key, [...(places.get(key) ?? []), at]);
    valid.push({ doc: at, entity: parsed.data });
  }

  // Two definitions of one entity: Pave cannot tell which is meant, so neither is imported.
  valid = valid.filter(({ doc, entity }) => {
    const others = (places.get(keptKey(entity.kind, entity.metadata.name)) ?? []).filter(
      (place) => place !== doc,
    );
    if (others.length === 0) return true;
    const where = others.map((place) => `${place.file}, document ${place.documentIndex}`).join('; ');
    report.refused.push({
      ...doc,
      kind: entity.kind,
      name: entity.metadata.name,
      reason: `duplicate: ${entity.kind} ${entity.metadata.name} is also defined in ${where}`,
    });
    return false;
  });

  // Teams first: the owners below resolve against them.
  const teamsBySlug = new Map(state.teams.map((team) => [team.slug, team.id]));
  const newTeams = new Set<string>();
  for (const { doc, entity } of valid) {
    if (entity.kind !== 'Group') continue;
    const entry = { ...doc, kind: entity.kind, name: entity.metadata.name };
    let mapped: ReturnType<typeof groupToTeam>;
    try {
      mapped = groupToTeam(entity);
    } catch (error) {
      report.refused.push({ ...entry, reason: (error as Error).message });
      continue;
    }
    const existing = state.teams.find((team) => team.slug === mapped.draft.slug);
    if (!existing) {
      newTeams.add(mapped.draft.slug);
      plan.teams.push({ action: 'create', ...mapped });
      report.create.push({ ...entry, changes: [] });
      continue;
    }
    const patch: Partial<TeamDraft> = {};
    if (existing.name !== mapped.draft.name) patch.name = mapped.draft.name;
    if (existing.description !== mapped.draft.description) patch.description = mapped.draft.description;
    if (mapped.draft.size !== undefined && existing.size !== mapped.draft.size)
      patch.size = mapped.draft.size;
    const fieldsChanged =
      canonicalJson(state.teamFields.get(existing.id) ?? DEFAULT_GROUP_FIELDS) !==
      canonicalJson(mapped.fields);
    const changes = [...Object.keys(patch), ...(fieldsChanged ? ['backstage fields'] : [])];
    if (changes.length === 0) report.unchanged.push({ ...entry, changes });
    else {
      plan.teams.push({
        action: 'update',
        teamId: existing.id,
        slug: existing.slug,
        patch,
        fields: mapped.fields,
      });
      report.update.push({ ...entry, changes });
    }
  }

  const resolveOwner = (ref: string): OwnerRef | string => {
    const parsed = parseEntityRef(ref, 'group');
    if (!parsed) return `owner ${ref}: not an entity reference ([kind:][namespace/]name)`;
    const full = `${parsed.kind}:${parsed.namespace}/${parsed.name}`;
    if (parsed.kind !== 'group') {
      return `owner ${full}: Pave's services are owned by teams; name the person's group instead`;
    }
    if (parsed.namespace !== 'default') return `owner ${full}: Pave has one namespace, default`;
    const teamId = teamsBySlug.get(parsed.name);
    if (teamId) return { teamId };
    if (newTeams.has(parsed.name)) return { newTeamSlug: parsed.name };
    return `owner ${full}: no team ${parsed.name} in Pave or in this import`;
  };

  for (const { doc, entity } of valid) {
    const entry = { ...doc, kind: entity.kind, name: entity.metadata.name };
    if (entity.kind === 'Group') continue;
    const owner = resolveOwner(entity.spec.owner);
    if (typeof owner === 'string') {
      report.refused.push({ ...entry, reason: owner });
      continue;
    }
    if (entity.kind === 'Component') {
      let mapped: ReturnType<typeof componentToService>;
      try {
        mapped = componentToService(entity);
      } catch (error) {
        report.refused.push({ ...entry, reason: (error as Error).message });
        continue;
      }
      const existing = state.services.find((service) => service.name === mapped.draft.name);
      if (!existing) {
        plan.services.push({ action: 'create', draft: mapped.draft, owner, fields: mapped.fields });
        report.create.push({ ...entry, changes: [] });
        continue;
      }
      const patch = servicePatch(existing, mapped.draft, owner);
      const fieldsChanged =
        canonicalJson(state.serviceFields.get(existing.id) ?? DEFAULT_COMPONENT_FIELDS) !==
        canonicalJson(mapped.fields);
      const changes = [
        ...Object.keys(patch).map((key) => (key === 'owner' ? 'ownerTeamId' : key)),
        ...(fieldsChanged ? ['backstage fields'] : []),
      ];
      record(report, entry, changes);
      if (changes.length > 0) {
        plan.services.push({
          action: 'update',
          serviceId: existing.id,
          patch,
          fields: mapped.fields,
          fieldsChanged,
        });
      }
      continue;
    }
    // System and API: Pave has no table of its own for them; they are kept whole, owner written out.
    const kept = {
      ...entity,
      metadata: { ...entity.metadata, namespace: undefined },
      spec: {
        ...entity.spec,
        owner: 'teamId' in owner ? ownerSlug(state, owner.teamId) : groupRef(owner.newTeamSlug),
      },
    } as SystemEntity | ApiEntity;
    const before = state.kept.get(keptKey(entity.kind, entity.metadata.name));
    if (!before) {
      plan.kept.push({ entity: kept });
      report.create.push({ ...entry, changes: [] });
      continue;
    }
    const changes = changedTopFields(before, kept);
    record(report, entry, changes);
    if (changes.length > 0) plan.kept.push({ entity: kept });
  }
  return plan;
}

function record(report: ImportReport, entry: Omit<PlannedEntity, 'changes'>, changes: string[]): void {
  if (changes.length === 0) report.unchanged.push({ ...entry, changes });
  else report.update.push({ ...entry, changes });
}

function ownerSlug(state: CatalogState, teamId: string): string {
  const team = state.teams.find((candidate) => candidate.id === teamId);
  return groupRef(team?.slug ?? teamId);
}

/** Only what differs: an absent tier or repository annotation leaves the service's own. */
function servicePatch(
  existing: Service,
  draft: ServiceDraft,
  owner: OwnerRef,
): Partial<ServiceDraft> & { owner?: OwnerRef } {
  const patch: Partial<ServiceDraft> & { owner?: OwnerRef } = {};
  if (existing.title !== draft.title) patch.title = draft.title;
  if (existing.description !== draft.description) patch.description = draft.description;
  if (existing.lifecycle !== draft.lifecycle) patch.lifecycle = draft.lifecycle;
  if (canonicalJson(existing.tags) !== canonicalJson(draft.tags)) patch.tags = draft.tags;
  if (canonicalJson(existing.links) !== canonicalJson(draft.links)) patch.links = draft.links;
  if (draft.tier !== undefined && existing.tier !== draft.tier) patch.tier = draft.tier;
  if (draft.repositoryUrl !== undefined && existing.repositoryUrl !== draft.repositoryUrl) {
    patch.repositoryUrl = draft.repositoryUrl;
  }
  if (!('teamId' in owner) || owner.teamId !== existing.ownerTeamId) patch.owner = owner;
  return patch;
}

function changedTopFields(before: object, after: object): string[] {
  const keys = new Set<string>();
  for (const part of ['metadata', 'spec'] as const) {
    const a = (before as Record<string, Record<string, unknown>>)[part] ?? {};
    const b = (after as Record<string, Record<string, unknown>>)[part] ?? {};
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (canonicalJson(a[key]) !== canonicalJson(b[key])) keys.add(`${part}.${key}`);
    }
  }
  return [...keys];
}
