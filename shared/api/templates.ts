import { z } from 'zod';
import { EnvironmentName } from './catalog';

/** Service templates: a parameter form (JSON Schema from zod on the server) and policy rules. */

export const PolicyRule = z.object({
  id: z.string(),
  description: z.string(),
  /** Blocking rules fail the deploy; warnings are recorded and shown. */
  severity: z.enum(['warning', 'blocking']),
});
export type PolicyRule = z.infer<typeof PolicyRule>;

export const Template = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  /** JSON Schema (draft 2020-12) of `values`. */
  parameters: z.record(z.string(), z.unknown()),
  policies: z.array(PolicyRule),
});
export type Template = z.infer<typeof Template>;

export const CreateFromTemplate = z.object({
  values: z.record(z.string(), z.unknown()),
  deployTo: EnvironmentName.optional(),
});
export type CreateFromTemplate = z.infer<typeof CreateFromTemplate>;

export const ServiceCreateArgs = CreateFromTemplate.extend({ templateId: z.string().min(1).max(100) });
