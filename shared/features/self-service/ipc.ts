import { z } from 'zod';
import { text } from '../../api/text';
import { EnvironmentName as DeployEnvironment } from '../catalog/api';
import { Empty, Enqueued } from '../../ipc/contract';
import {
  AlertRule,
  AlertRuleCreate,
  CanaryDecision,
  CanaryDecisionAccepted,
  CostReport,
  IncidentView,
  LiveLogLine,
  LogStreamRef,
  ServiceCreateArgs,
  ServiceDeployArgs,
  ServiceDeployments,
  ServiceRollbackArgs,
  Template,
} from './api';

export const selfServiceCommands = {
  /** Templates from the platform (the last list is cached, so the form works offline). */
  'templates:list': { input: Empty, output: z.array(Template) },
  /** Create a service from a template, offline-first: queued as `service.create`. */
  'services:create': { input: ServiceCreateArgs, output: Enqueued },
  'deployments:list': {
    input: z.object({ serviceId: text().min(1).max(100) }),
    output: ServiceDeployments,
  },
  'deployments:deploy': { input: ServiceDeployArgs, output: Enqueued },
  'deployments:rollback': { input: ServiceRollbackArgs, output: Enqueued },
  /**
   * Promote or abort the canary running in an environment, online only: a canary decision is
   * time-critical, so it is never queued for later (offline answers a clear error instead).
   */
  'deployments:canaryDecide': {
    input: z.object({
      serviceId: text().min(1).max(100),
      environment: DeployEnvironment,
      decision: CanaryDecision,
    }),
    output: CanaryDecisionAccepted,
  },
  'incidents:list': { input: Empty, output: z.array(IncidentView) },
  'alertRules:list': {
    input: z.object({ serviceId: text().min(1).max(100) }),
    output: z.array(AlertRule),
  },
  /** Sets a service+environment's rule on the platform (online), then shows it at once. */
  'alertRules:set': {
    input: AlertRuleCreate.extend({ serviceId: text().min(1).max(100) }),
    output: AlertRule,
  },
  /** Cost per team and service (online: computed by the platform). */
  'cost:get': { input: Empty, output: CostReport },
  /** Starts forwarding a service's live log as `service:log` events; stop with `logs:stop`. */
  'logs:follow': {
    input: z.object({ serviceId: text().min(1).max(100), environment: DeployEnvironment }),
    output: LogStreamRef,
  },
  'logs:stop': { input: LogStreamRef, output: z.object({}) },
} as const;

export const selfServiceEvents = {
  /** One captured line of a followed service log (see `logs:follow`). */
  'service:log': LiveLogLine,
} as const;
