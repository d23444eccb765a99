import { stringify } from 'yaml';
import type { Team } from '../../../shared/api/directory';
import {
  EntityTag,
  PAVE_ANNOTATIONS,
  type BackstageEntity,
  type ComponentEntity,
  type GroupEntity,
} from '../../../shared/features/backstage/entity';
import type { Service } from '../../../shared/features/catalog/api';
import { canonicalJson, compact } from './canonical-json';
import type { CatalogState } from './catalog-state';
import { toServiceLinks, type ComponentFields } from './component-mapping';
import { groupRef } from './entity-ref';
import type { GroupFields } from './group-mapping';

const API_VERSION = 'backstage.io/v1alpha1';

export type ExportScope =
  { kind: 'all' } | { kind: 'team'; teamId: string } | { kind: 'service'; serviceId: string };

/**
 * The catalog as Backstage entities (issue 14, point 2): a Group per team, a Component per
 * service, and the kept Systems and APIs. Pave-only fields travel as `pave.dev/*` annotations;
 * owners are written in full (`group:default/<slug>`), which Backstage reads without a warning.
 * A team's scope is the team, its services and the Systems and APIs it owns; a service's is that
 * service alone.
 */
export function exportEntities(state: CatalogState, scope: ExportScope): BackstageEntity[] {
  const teams =
    scope.kind === 'all'
      ? state.teams
      : scope.kind === 'team'
        ? state.teams.filter((team) => team.id === scope.teamId)
        : [];
  const services = state.services.filter((service) =>
    scope.kind === 'all'
      ? true
      : scope.kind === 'team'
        ? service.ownerTeamId === scope.teamId
        : service.id === scope.serviceId,
  );
  const slugOf = new Map(state.teams.map((team) => [team.id, team.slug]));
  return [
    ...teams.map((team) => teamToGroup(team, state.teamFields.get(team.id))),
    ...services.map((service) =>
      serviceToComponent(
        service,
        slugOf.get(service.ownerTeamId) ?? service.ownerTeamId,
        state.serviceFields.get(service.id),
      ),
    ),
    ...[...state.kept.values()].filter((entity) =>
      scope.kind === 'all'
        ? true
        : scope.kind === 'team' && teams[0] !== undefined && entity.spec.owner === groupRef(teams[0].slug),
    ),
  ];
}

export function teamToGroup(team: Team, fields: GroupFields | undefined): GroupEntity {
  return {
    apiVersion: API_VERSION,
    kind: 'Group',
    metadata: compact({
      name: team.slug,
      title: fields?.title,
      description: team.description || undefined,
      labels: fields?.labels,
      annotations: { ...fields?.annotations, [PAVE_ANNOTATIONS.teamSize]: String(team.size) },
      tags: fields?.tags,
      links: fields?.links,
    }) as GroupEntity['metadata'],
    spec: {
      type: fields?.type ?? 'team',
      profile: compact({ displayName: team.name, email: fields?.email, picture: fields?.picture }),
      ...compact({ parent: fields?.parent, members: fields?.members }),
      children: fields?.children ?? [],
    },
  };
}

export function serviceToComponent(
  service: Service,
  ownerSlug: string,
  fields: ComponentFields | undefined,
): ComponentEntity {
  // The links as imported, unless they were edited in Pave since (then Pave's are the truth).
  const links =
    fields?.links && canonicalJson(toServiceLinks(fields.links)) === canonicalJson(service.links)
      ? fields.links
      : service.links;
  // Backstage warns on tags outside its rule: those go, with all the others, into pave.dev/tags.
  const tags = service.tags.filter((tag) => EntityTag.safeParse(tag).success);
  return {
    apiVersion: API_VERSION,
    kind: 'Component',
    metadata: compact({
      name: service.name,
      title: service.title,
      description: service.description || undefined,
      labels: fields?.labels,
      annotations: {
        ...fields?.annotations,
        [PAVE_ANNOTATIONS.tier]: String(service.tier),
        ...(service.repositoryUrl ? { [PAVE_ANNOTATIONS.repositoryUrl]: service.repositoryUrl } : {}),
        ...(tags.length < service.tags.length
          ? { [PAVE_ANNOTATIONS.tags]: JSON.stringify(service.tags) }
          : {}),
      },
      tags,
      links,
    }) as ComponentEntity['metadata'],
    spec: {
      type: fields?.type ?? 'service',
      lifecycle: service.lifecycle,
      owner: groupRef(ownerSlug),
      ...compact({
        system: fields?.system,
        subcomponentOf: fields?.subcomponentOf,
        providesApis: fields?.providesApis,
        consumesApis: fields?.consumesApis,
        dependsOn: fields?.dependsOn,
        dependencyOf: fields?.dependencyOf,
      }),
    },
  };
}

/** Multi-document YAML, one entity per `---` document. */
export function toYaml(entities: readonly BackstageEntity[]): string {
  return entities.map((entity) => `---\n${stringify(entity, { lineWidth: 0 })}`).join('');
}
