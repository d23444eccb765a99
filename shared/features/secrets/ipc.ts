import { z } from 'zod';
import { text } from '../../api/text';
import { EnvironmentName as ResourceEnvironment } from '../catalog/api';
import { SecretMeta, SecretName, SecretValue } from './api';

const SecretTarget = z.object({
  serviceId: text().min(1).max(100),
  environment: ResourceEnvironment,
  name: SecretName,
});

export const secretsCommands = {
  'secrets:list': { input: z.object({ serviceId: text().min(1).max(100) }), output: z.array(SecretMeta) },
  /** ONLINE only: the value goes straight to the platform, never to the cache, outbox or logs. */
  'secrets:set': { input: SecretTarget.extend({ value: SecretValue.shape.value }), output: z.object({}) },
  /** ONLINE only: the platform generates the new value (and changes a resource's real password). */
  'secrets:rotate': { input: SecretTarget, output: SecretMeta },
} as const;
