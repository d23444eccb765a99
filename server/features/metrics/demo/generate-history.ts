import type { EnvironmentName } from '../../../../shared/features/catalog/api';
import type { EventData, PlatformEventKind } from '../../../../shared/features/events/api';
import { CANARY_SHARE, MONTHLY_USES, TEAM_PLANS, type TeamPlan } from './adoption-plan';
import { createDraws, type Draws } from './draws';

/**
 * Two years of delivery history for the demo organization (issue 10, point 5), ending at the
 * start of the seeding day: a year before the platform launch, as imported deployments and
 * incidents, and a year after, as the platform events the features would have written. Pure: the
 * same input gives the same history on every machine. Every number that tells the story is a
 * named trend below: deploys get more frequent, lead times shorter, failures rarer and shorter.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30.4 * DAY;

export interface HistoryInput {
  seed: number;
  /** Seeding time: history covers the 730 days before its UTC day. */
  now: string;
  teams: readonly { id: string; slug: string }[];
  /**
   * The catalog in a stable order. Each team's last active service is the one it created from a
   * template; deprecated services have history from before the platform only.
   */
  services: readonly { id: string; name: string; ownerTeamId: string; deprecated: boolean }[];
  /** Team id → ids of its people, who appear as the actors of what they did. */
  members: ReadonlyMap<string, readonly string[]>;
}

export interface ImportedDeployment {
  serviceId: string;
  serviceName: string;
  environment: 'production';
  commitSha: string;
  committedAt: number;
  deployedAt: number;
  status: 'success' | 'failure';
}

export interface ImportedIncident {
  serviceId: string;
  serviceName: string;
  openedAt: number;
  resolvedAt: number;
  title: string;
}

export type DemoEvent = {
  [K in PlatformEventKind]: {
    id: string;
    kind: K;
    serviceId: string;
    teamId: string;
    environment: EnvironmentName | null;
    actorId: string | null;
    at: number;
    data: EventData<K>;
  };
}[PlatformEventKind];

export interface DemoHistory {
  /** Org-wide platform launch: midnight UTC, a year before the seeding day. */
  launchDate: number;
  importedDeployments: ImportedDeployment[];
  importedIncidents: ImportedIncident[];
  /** Sorted by time; ids follow that order. */
  events: DemoEvent[];
}

// Before the platform: release trains, about 3 production deploys a week for the whole org,
// two weeks from commit to production, one deploy in six causing trouble, hours to restore.
const BEFORE = {
  deploysPerWorkday: 0.58,
  leadTimeMedian: 12 * DAY,
  failureRate: 0.17,
  restoreMedian: 5 * HOUR,
  unlinkedIncidentsPerDay: 0.03,
};

// On the platform, per team, by months since the team moved on: each trend starts where the team
// was and settles at the platform's level within a few months.
const settle = (start: number, end: number, months: number, pace: number) =>
  end + (start - end) * Math.exp(-months / pace);
const leadTimeMedian = (months: number) => settle(5 * DAY, 3 * HOUR, months, 2.5);
const failureRate = (months: number) => settle(0.14, 0.035, months, 3);
const restoreMedian = (months: number) => settle(2 * HOUR, 15 * MINUTE, months, 2.5);
const rampUp = (months: number) => 0.3 + 0.7 * Math.min(1, months / 6);
/** Days from a template's service creation to its first healthy production deploy. */
const onboardingMedian = (monthOfLaunch: number) => settle(12 * DAY, 1.2 * DAY, monthOfLaunch, 5);

const INCIDENT_TITLES = [
  'Error rate above 5 % on checkout calls',
  'p99 latency above 2 s',
  'Health check failing after deploy',
  'Queue consumer lag growing',
  'Database connections exhausted',
  'Elevated 5xx from upstream dependency',
  'Memory usage above limit, pods restarting',
];
const FLAG_KEYS = [
  'new-onboarding-flow',
  'faster-search-ranking',
  'one-click-refunds',
  'dark-mode',
  'batch-exports',
  'smart-retries',
  'split-payments',
  'express-checkout',
  'price-alerts',
  'beta-dashboard',
];
const DEVELOPMENT_DEPLOYS_KEPT = 0.35;
const CANARY_ABORT = 'error rate 4.1 % on the canary against 0.3 % on stable (limit 2 %)';
const CANARY_PROMOTE = 'healthy for the whole window; error rate 0.2 % against 0.3 % on stable';

const isWorkday = (day: number) => {
  const weekday = new Date(day).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

interface TeamState {
  id: string;
  plan: TeamPlan;
  adoptedAt: number | null;
  /** Every service it had before the platform (its history is imported). */
  legacy: { id: string; name: string }[];
  /** The services it deploys on the platform, once it moved. */
  services: { id: string; name: string }[];
  /** The team's template-created service and the day it may first deploy to production. */
  newService: { id: string; name: string; createdAt: number; firstDeployAt: number } | null;
}

export function generateDemoHistory(input: HistoryInput): DemoHistory {
  const draw: Draws = createDraws(input.seed ^ 0x5eed_10);
  const today = Math.floor(Date.parse(input.now) / DAY) * DAY;
  const start = today - 730 * DAY;
  const launch = today - 365 * DAY;
  const end = today;
  const workingTime = (day: number) => day + draw.between(8.5 * HOUR, 18 * HOUR);

  const teams: TeamState[] = input.teams.map((team) => {
    const plan = TEAM_PLANS[team.slug] ?? { ciCd: null, pace: 0 };
    const owned = input.services.filter((service) => service.ownerTeamId === team.id);
    const active = owned.filter((service) => !service.deprecated);
    const created = plan.newService !== undefined && active.length > 1 ? active.at(-1) : undefined;
    let newService: TeamState['newService'] = null;
    if (created && plan.newService !== undefined) {
      const createdAt = workingTime(launch + Math.floor((plan.newService * MONTH) / DAY) * DAY);
      const delay = Math.max(4 * HOUR, draw.around(onboardingMedian(plan.newService), 0.35));
      newService = { ...created, createdAt, firstDeployAt: createdAt + delay };
    }
    return {
      id: team.id,
      plan,
      adoptedAt: plan.ciCd === null ? null : launch + plan.ciCd * MONTH,
      legacy: owned.filter((service) => service.id !== newService?.id),
      services: active.filter((service) => service.id !== newService?.id),
      newService,
    };
  });
  const teamOf = new Map(input.services.map((service) => [service.id, service.ownerTeamId]));
  const actor = (teamId: string) => {
    const people = input.members.get(teamId) ?? [];
    return people.length ? draw.pick(people) : null;
  };

  const importedDeployments: ImportedDeployment[] = [];
  const importedIncidents: ImportedIncident[] = [];
  const events: Omit<DemoEvent, 'id'>[] = [];
  const emit = <K extends PlatformEventKind>(
    kind: K,
    serviceId: string,
    environment: EnvironmentName | null,
    actorId: string | null,
    at: number,
    data: EventData<K>,
  ) => {
    events.push({
      kind,
      serviceId,
      teamId: teamOf.get(serviceId) ?? '',
      environment,
      actorId,
      at,
      data,
    } as Omit<DemoEvent, 'id'>);
  };
  let serial = 0;
  const nextId = (prefix: string) => `demo-${prefix}-${String(++serial).padStart(5, '0')}`;

  // ---- Before the platform: the history a lead would import from the old tools. ----
  const legacyServices = teams.flatMap((team) => team.legacy);
  for (let day = start; day < launch; day += DAY) {
    if (isWorkday(day)) {
      for (let n = draw.count(BEFORE.deploysPerWorkday); n > 0; n -= 1) {
        const service = draw.pick(legacyServices);
        const deployedAt = workingTime(day);
        const deploy = (at: number, status: ImportedDeployment['status']) =>
          importedDeployments.push({
            serviceId: service.id,
            serviceName: service.name,
            environment: 'production',
            commitSha: draw.sha(),
            committedAt: at - Math.max(2 * HOUR, draw.around(BEFORE.leadTimeMedian, 0.6)),
            deployedAt: at,
            status,
          });
        deploy(deployedAt, 'success');
        if (!draw.chance(BEFORE.failureRate)) continue;
        if (draw.chance(0.6)) {
          const openedAt = deployedAt + Math.min(20 * HOUR, draw.around(3 * HOUR, 0.8));
          importedIncidents.push({
            serviceId: service.id,
            serviceName: service.name,
            openedAt,
            resolvedAt: openedAt + draw.around(BEFORE.restoreMedian, 0.7),
            title: draw.pick(INCIDENT_TITLES),
          });
        } else {
          // A follow-up release that failed, then the hotfix that restored service.
          const failedAt = deployedAt + Math.min(20 * HOUR, draw.around(4 * HOUR, 0.6));
          deploy(failedAt, 'failure');
          deploy(failedAt + draw.around(BEFORE.restoreMedian * 1.5, 0.6), 'success');
        }
      }
    }
    if (draw.chance(BEFORE.unlinkedIncidentsPerDay)) {
      const service = draw.pick(legacyServices);
      const openedAt = day + draw.between(0, DAY);
      importedIncidents.push({
        serviceId: service.id,
        serviceName: service.name,
        openedAt,
        resolvedAt: openedAt + draw.around(4 * HOUR, 0.8),
        title: draw.pick(INCIDENT_TITLES),
      });
    }
  }

  // ---- After the launch: what the platform recorded, team by team. ----
  const liveSha = new Map<string, string>();
  const headSha = new Map<string, string>();
  const push = (serviceId: string, actorId: string | null, at: number, sha: string, commits: number) => {
    emit('push', serviceId, null, actorId, at, {
      ref: 'refs/heads/main',
      before: headSha.get(serviceId) ?? null,
      after: sha,
      commits,
    });
    headSha.set(serviceId, sha);
  };
  const canaryFrom = (team: TeamState) =>
    team.plan.canary === undefined ? Infinity : launch + team.plan.canary * MONTH;

  /** One change from commit to production: push, pipeline, development deploy, production deploy. */
  const ship = (team: TeamState, adoptedAt: number, serviceId: string, at: number, mayFail: boolean) => {
    const months = Math.max(0, (at - adoptedAt) / MONTH);
    const person = actor(team.id);
    const sha = draw.sha();
    const runMs = Math.round(draw.between(3 * MINUTE, 9 * MINUTE));
    const lead = Math.max(runMs + 15 * MINUTE, draw.around(leadTimeMedian(months), 0.8));
    const committedAt = at - lead;
    const pushedAt = committedAt + draw.int(1, 5) * MINUTE;
    if (draw.chance(0.08)) {
      // A red build first: the fix is the commit that ships.
      const redAt = pushedAt - draw.int(20, 90) * MINUTE;
      const red = draw.sha();
      push(serviceId, person, redAt, red, 1);
      emit('pipeline_run', serviceId, null, person, redAt + 4 * MINUTE, {
        runId: nextId('run'),
        commitSha: red,
        result: 'failed',
        failedStep: 'test',
        durationMs: 4 * MINUTE,
        steps: [
          { name: 'install', status: 'succeeded', durationMs: 90_000 },
          { name: 'test', status: 'failed', durationMs: 150_000 },
        ],
      });
    }
    push(serviceId, person, pushedAt, sha, draw.int(1, 4));
    const ranAt = pushedAt + runMs;
    emit('pipeline_run', serviceId, null, person, ranAt, {
      runId: nextId('run'),
      commitSha: sha,
      result: 'succeeded',
      failedStep: null,
      durationMs: runMs,
      steps: [
        { name: 'install', status: 'succeeded', durationMs: Math.round(runMs * 0.3) },
        { name: 'test', status: 'succeeded', durationMs: Math.round(runMs * 0.5) },
        { name: 'build', status: 'succeeded', durationMs: Math.round(runMs * 0.2) },
      ],
    });
    const committed = new Date(committedAt).toISOString();
    // Every green run deploys to development; the demo keeps a third of those events (no metric
    // reads them) so the desktop's first sync of the demo stays small.
    if (draw.chance(DEVELOPMENT_DEPLOYS_KEPT)) {
      emit('deploy', serviceId, 'development', person, ranAt + 2 * MINUTE, {
        deploymentId: nextId('deploy'),
        version: sha,
        committedAt: committed,
        result: 'live',
        canary: false,
      });
    }

    const canary = at >= canaryFrom(team) && draw.chance(CANARY_SHARE);
    const deploymentId = nextId('deploy');
    const deploy = (result: 'live' | 'failed') =>
      emit('deploy', serviceId, 'production', person, at, {
        deploymentId,
        version: sha,
        committedAt: committed,
        result,
        canary,
      });
    const fails = mayFail && draw.chance(failureRate(months));
    if (canary) {
      // The canary's analysis decides first; an aborted canary never took the service down.
      emit('canary_decision', serviceId, 'production', null, at - 1000, {
        deploymentId,
        decision: fails ? 'aborted' : 'promoted',
        automatic: true,
        reason: fails ? CANARY_ABORT : CANARY_PROMOTE,
      });
    }
    const previous = liveSha.get(serviceId) ?? sha;
    if (!fails) {
      deploy('live');
      liveSha.set(serviceId, sha);
      return;
    }
    const restore = draw.around(restoreMedian(months), 0.7);
    const shape = draw.unit();
    if (canary || shape >= 0.8) {
      // Failed health check or aborted canary: the stable version kept serving; a fix follows,
      // sooner as the team settles on the platform (the failed deploy's recovery in DORA terms).
      deploy('failed');
      ship(team, adoptedAt, serviceId, at + Math.max(15 * MINUTE, draw.around(restore, 0.6)), false);
      return;
    }
    deploy('live');
    liveSha.set(serviceId, sha);
    const openedAt = at + Math.max(2 * MINUTE, draw.around(30 * MINUTE, 0.7));
    const incident = (resolvedAt: number) => {
      const incidentId = nextId('incident');
      emit('incident_opened', serviceId, 'production', null, openedAt, { incidentId, deploymentId });
      emit('incident_resolved', serviceId, 'production', null, resolvedAt, {
        incidentId,
        openedAt: new Date(openedAt).toISOString(),
      });
    };
    if (shape < 0.45) {
      incident(openedAt + restore);
      return;
    }
    // Rolled back to the previous healthy version, with or without an incident opened first.
    const rolledBackAt = openedAt + restore;
    emit('rollback', serviceId, 'production', person, rolledBackAt, {
      deploymentId: nextId('deploy'),
      fromVersion: sha,
      toVersion: previous,
    });
    liveSha.set(serviceId, previous);
    if (draw.chance(0.5)) incident(rolledBackAt + MINUTE);
  };

  for (const team of teams) {
    const adoptedAt = team.adoptedAt;
    if (adoptedAt === null) continue;
    const { newService, plan } = team;
    if (newService) {
      emit('service_created', newService.id, null, actor(team.id), newService.createdAt, {
        templateId: /worker|loader|bot|shipper|sync/.test(newService.name)
          ? 'background-worker'
          : 'http-service',
      });
      ship(team, adoptedAt, newService.id, newService.firstDeployAt, false);
    }
    const resourceStarts: [month: number | undefined, kind: string, perMonth: number][] = [
      [plan.dbProvisioning, 'postgres', MONTHLY_USES.dbProvisioning],
      [plan.cache, 'cache', MONTHLY_USES.cache],
      [plan.queue, 'queue', MONTHLY_USES.queue],
    ];
    for (let day = Math.floor(adoptedAt / DAY) * DAY; day < end; day += DAY) {
      const months = (day - adoptedAt) / MONTH;
      const services =
        newService && day > newService.firstDeployAt ? [...team.services, newService] : team.services;
      if (!services.length) break;
      const mean = plan.pace * rampUp(Math.max(0, months)) * (isWorkday(day) ? 1 : 0.05);
      for (let n = draw.count(mean); n > 0; n -= 1) {
        const at = workingTime(day);
        if (at >= adoptedAt) ship(team, adoptedAt, draw.pick(services).id, at, true);
      }
      // Alerts that fired without a deploy to blame: what makes observability a used capability.
      if (draw.chance(0.8 / 30.4)) {
        const serviceId = draw.pick(services).id;
        const openedAt = day + draw.between(0, DAY);
        const incidentId = nextId('incident');
        emit('incident_opened', serviceId, 'production', null, openedAt, { incidentId, deploymentId: null });
        emit(
          'incident_resolved',
          serviceId,
          'production',
          null,
          openedAt + draw.around(restoreMedian(months), 0.8),
          {
            incidentId,
            openedAt: new Date(openedAt).toISOString(),
          },
        );
      }
      for (const [month, kind, perMonth] of resourceStarts) {
        if (month === undefined || day < launch + month * MONTH || !draw.chance(perMonth / 30.4)) continue;
        emit(
          'resource_provisioned',
          draw.pick(services).id,
          draw.chance(0.5) ? 'production' : 'development',
          actor(team.id),
          workingTime(day),
          {
            resourceId: nextId('resource'),
            kind,
          },
        );
      }
      if (
        plan.featureFlags !== undefined &&
        day >= launch + plan.featureFlags * MONTH &&
        draw.chance(MONTHLY_USES.flags / 30.4)
      ) {
        // A flag's life: created dark, rolled out in steps, removed once fully on.
        const serviceId = draw.pick(services).id;
        const flagId = nextId('flag');
        const key = draw.pick(FLAG_KEYS);
        const person = actor(team.id);
        const created = workingTime(day);
        const steps: [after: number, change: EventData<'flag_changed'>['change'], percent: number | null][] =
          [
            [0, 'created', 0],
            [1, 'rollout', 10],
            [3, 'rollout', 50],
            [6, 'rollout', 100],
            [30, 'deleted', null],
          ];
        for (const [after, change, rolloutPercent] of steps) {
          emit('flag_changed', serviceId, 'production', person, created + after * DAY, {
            flagId,
            key,
            change,
            rolloutPercent,
          });
        }
      }
    }
  }

  const recorded = events.filter((event) => event.at < end && event.at >= launch).sort((a, b) => a.at - b.at);
  return {
    launchDate: launch,
    importedDeployments: importedDeployments.filter((row) => row.deployedAt < launch),
    importedIncidents: importedIncidents.filter((row) => row.openedAt < launch && row.resolvedAt < end),
    events: recorded.map(
      (event, index) => ({ ...event, id: `demo-event-${String(index + 1).padStart(5, '0')}` }) as DemoEvent,
    ),
  };
}
