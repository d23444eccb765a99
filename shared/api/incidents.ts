import { z } from 'zod';
import { EnvironmentName } from './catalog';

/** Alert rules turn health checks into incidents; opened → resolved timestamps give MTTR. */

const Timestamp = z.iso.datetime({ offset: true });

export const AlertRule = z.object({
  id: z.string(),
  serviceId: z.string(),
  environment: EnvironmentName,
  /** Open an incident once the environment has been unhealthy for longer than this. */
  unhealthySeconds: z.number().int().min(1).max(86_400),
  enabled: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type AlertRule = z.infer<typeof AlertRule>;

export const AlertRuleCreate = z.object({
  environment: EnvironmentName,
  unhealthySeconds: z.number().int().min(1).max(86_400).default(30),
  enabled: z.boolean().default(true),
});
export const AlertRulePatch = z.object({
  unhealthySeconds: z.number().int().min(1).max(86_400).optional(),
  enabled: z.boolean().optional(),
});

export const IncidentStatus = z.enum(['open', 'resolved']);

export const Incident = z.object({
  id: z.string(),
  serviceId: z.string(),
  environment: EnvironmentName,
  alertRuleId: z.string().nullable(),
  deploymentId: z.string().nullable(),
  title: z.string(),
  status: IncidentStatus,
  openedAt: Timestamp,
  resolvedAt: Timestamp.nullable(),
});
export type Incident = z.infer<typeof Incident>;

/** An incident with its service's name and team, for the Incidents page and notifications. */
export const IncidentView = Incident.extend({
  serviceName: z.string().nullable(),
  ownerTeamId: z.string().nullable(),
});
export type IncidentView = z.infer<typeof IncidentView>;
