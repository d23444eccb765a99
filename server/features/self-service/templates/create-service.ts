import { access } from 'node:fs/promises';
import path from 'node:path';
import type { EnvironmentName } from '../../../../shared/features/catalog/api';
import { createService } from '../../catalog/public';
import { withTransaction } from '../../../db/transaction';
import { recordEvent } from '../../events/public';
import { deploy } from '../deployments/deploy';
import type { SelfServiceDeps, StepReporter } from '../deps';
import { ExecutorError } from '../../operations/public';
import { createRepository } from '../repositories/git-repository';
import { findTemplate } from './definitions';
import { renderTemplate } from './render-template';

export interface CreateServiceInput {
  templateId: string;
  values: Record<string, unknown>;
  deployTo?: EnvironmentName;
}

/** Where a service's platform-owned repository lives, relative to the data dir. */
export const repositoryPath = (name: string) => path.join('repositories', `${name}.git`);

/**
 * service.create: render the template into a new bare git repository (first commit by the
 * requester), register the service in the catalog with its repository, and optionally deploy.
 */
export async function createServiceFromTemplate(
  deps: SelfServiceDeps,
  reporter: StepReporter,
  input: CreateServiceInput,
): Promise<Record<string, unknown>> {
  const template = findTemplate(input.templateId);
  if (!template) throw new ExecutorError('unknown_template', `template ${input.templateId} does not exist`);
  const parsed = template.parameters.safeParse(input.values);
  if (!parsed.success) throw new ExecutorError('validation_failed', parsed.error.message);
  const values = parsed.data as Record<string, unknown> & {
    name: string;
    title: string;
    description: string;
    ownerTeamId: string;
    tier: number;
  };
  const taken = await deps.pool.query('SELECT 1 FROM services WHERE name = $1', [values.name]);
  if (taken.rowCount) throw new ExecutorError('conflict', `a service named ${values.name} already exists`);

  // catalog-info.yaml names its owner as Backstage does, by the team's slug (group:default/<slug>).
  const team = await deps.pool.query<{ slug: string }>('SELECT slug FROM teams WHERE id = $1', [
    values.ownerTeamId,
  ]);
  const ownerTeamSlug = team.rows[0]?.slug;
  if (!ownerTeamSlug)
    throw new ExecutorError('validation_failed', `ownerTeamId: unknown team ${values.ownerTeamId}`);

  await reporter.progress(0.1, 'rendering template');
  const files = await renderTemplate(path.join(deps.templatesDir, template.id), { ...values, ownerTeamSlug });
  const relative = repositoryPath(values.name);
  const bareRepo = path.join(deps.dataDir, relative);
  if (
    await access(bareRepo).then(
      () => true,
      () => false,
    )
  ) {
    throw new ExecutorError('conflict', `repository ${relative} already exists in the platform data dir`);
  }
  const { rows } = await deps.pool.query<{ name: string; email: string }>(
    'SELECT name, email FROM users WHERE id = $1',
    [reporter.requestedBy],
  );
  const author = rows[0] ?? { name: reporter.requestedBy, email: `${reporter.requestedBy}@pave.local` };
  await reporter.progress(0.2, 'creating repository');
  const commit = await createRepository(
    bareRepo,
    files,
    author,
    `Create ${values.name} from the ${template.title} template`,
  );
  await reporter.log(`created repository ${relative} at ${commit.sha.slice(0, 7)} (${files.size} files)`);

  await reporter.progress(0.3, 'registering in the catalog');
  const service = await withTransaction(deps.pool, async (tx) => {
    const created = await createService(tx, reporter.requestedBy, {
      name: values.name,
      title: values.title,
      description: values.description,
      ownerTeamId: values.ownerTeamId,
      tier: values.tier,
      lifecycle: 'experimental',
      repositoryUrl: null,
      tags: [template.id],
      links: [],
    });
    await tx.query('INSERT INTO service_repositories (service_id, template_id, path) VALUES ($1, $2, $3)', [
      created.id,
      template.id,
      relative,
    ]);
    await recordEvent(tx, {
      kind: 'service_created',
      serviceId: created.id,
      actorId: reporter.requestedBy,
      data: { templateId: template.id },
    });
    return created;
  });
  await reporter.log(`registered service ${service.name} (${service.id})`);
  const result: Record<string, unknown> = { serviceId: service.id, version: commit.sha };
  if (input.deployTo) {
    const deployment = await deploy(deps, reporter, { serviceId: service.id, environment: input.deployTo });
    result.deploymentId = deployment.id;
    result.stablePort = deployment.stablePort;
  }
  return result;
}
