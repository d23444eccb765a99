import { z } from 'zod';
import { text } from '../../api/text';
import { EnvironmentName } from '../catalog/api';

/**
 * Service secrets (issue 3 §5). Values are write-only: no response, sync entry or IPC result ever
 * carries one. Only this metadata is readable and synced (entity 'secret').
 */

export const SecretName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Z_][A-Z0-9_]*$/, 'use UPPER_SNAKE_CASE, like an environment variable');

export const SecretMeta = z.object({
  /** `serviceId/environment/name`. */
  id: text(),
  serviceId: text(),
  environment: EnvironmentName,
  name: SecretName,
  /** Set when a provisioned resource owns the value (its credentials); rotate changes the real password. */
  resourceId: text().nullable(),
  updatedBy: text().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type SecretMeta = z.infer<typeof SecretMeta>;

export const SecretValue = z.object({ value: text().min(1).max(65_536) });

export const SecretParams = z.object({
  id: text().min(1).max(100),
  environment: EnvironmentName,
  name: SecretName,
});

export const secretId = (serviceId: string, environment: string, name: string): string =>
  `${serviceId}/${environment}/${name}`;
