import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { EnvironmentName } from '../../../../shared/features/catalog/api';
import type { Deployment, GuardrailFinding } from '../../../../shared/features/self-service/api';
import { withTransaction, type Tx } from '../../../db/transaction';
import { findFreePort } from '../../../process/free-port';
import { evaluatePolicies } from '../guardrails/policy-rules';
import { scanSource } from '../guardrails/secret-scan';
import { ExecutorError } from '../../operations/public';
import {
  exportCommit,
  resolveCommit,
  UnknownVersionError,
  type CommitInfo,
} from '../repositories/git-repository';
import type { Instance } from '../runtime/local-runtime';
import { recordChange } from '../../../sync/change-log';
import { findTemplate, type TemplateDefinition } from '../templates/definitions';
import {
  getDeployment,
  getDeploymentRow,
  liveDeployment,
  updateDeployment,
  type DeploymentRow,
} from './deployment-rows';
import type { SelfServiceDeps, StepReporter } from '../deps';

const run = promisify(execFile);

interface ServiceSource {
  bareRepo: string;
  template: TemplateDefinition;
}

export async function serviceSource(deps: SelfServiceDeps, serviceId: string): Promise<ServiceSource> {
  const { rows } = await deps.pool.query<{ path: string; template_id: string }>(
    'SELECT path, template_id FROM service_repositories WHERE service_id = $1',
    [serviceId],
  );
  const row = rows[0];
  if (!row) {
    throw new ExecutorError(
      'no_repository',
      `service ${serviceId} was not created from a template; nothing to deploy`,
    );
  }
  const template = findTemplate(row.template_id);
  if (!template) throw new ExecutorError('unknown_template', `template ${row.template_id} no longer exists`);
  return { bareRepo: path.join(deps.dataDir, row.path), template };
}

/** The stable port of a service+environment, allocated once and kept across restarts. */
async function stablePort(tx: Tx, serviceId: string, environment: string): Promise<number> {
  const existing = await tx.query<{ port: number }>(
    'SELECT port FROM service_routes WHERE service_id = $1 AND environment = $2',
    [serviceId, environment],
  );
  if (existing.rows[0]) return existing.rows[0].port;
  const port = await findFreePort();
  await tx.query(
    `INSERT INTO service_routes (service_id, environment, port) VALUES ($1, $2, $3)
     ON CONFLICT (service_id, environment) DO NOTHING`,
    [serviceId, environment, port],
  );
  const { rows } = await tx.query<{ port: number }>(
    'SELECT port FROM service_routes WHERE service_id = $1 AND environment = $2',
    [serviceId, environment],
  );
  return rows[0]?.port ?? port;
}

async function insertDeployment(
  deps: SelfServiceDeps,
  reporter: StepReporter,
  target: {
    serviceId: string;
    environment: EnvironmentName;
    commit: CommitInfo;
    rolledBackFromId: string | null;
  },
): Promise<DeploymentRow> {
  return withTransaction(deps.pool, async (tx) => {
    await stablePort(tx, target.serviceId, target.environment);
    const live = await liveDeployment(tx, target.serviceId, target.environment);
    const id = randomUUID();
    await tx.query(
      `INSERT INTO deployments (id, service_id, environment, version, commit_message, committed_at, status,
                                previous_deployment_id, rolled_back_from_id, operation_id, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6, 'deploying', $7, $8, $9, $10)`,
      [
        id,
        target.serviceId,
        target.environment,
        target.commit.sha,
        target.commit.message,
        target.commit.committedAt,
        live?.id ?? null,
        target.rolledBackFromId,
        reporter.operationId,
        reporter.requestedBy,
      ],
    );
    await recordChange(tx, 'deployment', id, 'put', await getDeployment(tx, id));
    const row = await getDeploymentRow(tx, id);
    if (!row) throw new Error('inserted deployment vanished');
    return row;
  });
}

async function fail(deps: SelfServiceDeps, id: string, code: string, message: string): Promise<never> {
  await withTransaction(deps.pool, (tx) =>
    updateDeployment(tx, id, `status = 'failed', error = $2, finished_at = now()`, [message]),
  );
  throw new ExecutorError(code, message);
}

export async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/**
 * Health-checks `instance`, then makes it the live version: the old live row becomes `replaced`
 * (superseded or rolled_back) in the same transaction, and the stable port points at it. A version
 * that fails its check is stopped and never takes traffic; the old one keeps serving.
 */
async function switchTo(
  deps: SelfServiceDeps,
  reporter: StepReporter,
  row: DeploymentRow,
  instance: Instance,
  replaced: 'superseded' | 'rolled_back',
): Promise<Deployment> {
  await reporter.progress(0.7, 'waiting for health check');
  if (!(await passesHealthCheck(deps, row, instance))) {
    const message = `version ${row.version.slice(0, 7)} did not pass its health check (${instance.spec.healthPath}) within ${deps.healthTimeoutMs} ms; the previous version keeps serving`;
    await reporter.log(message, 'error');
    return fail(deps, row.id, 'health_check_failed', message);
  }
  await reporter.progress(0.9, 'switching traffic');
  const { deployment, port, previousId } = await withTransaction(deps.pool, async (tx) => {
    // Serialize switches of one service+environment.
    const route = await tx.query<{ port: number }>(
      'SELECT port FROM service_routes WHERE service_id = $1 AND environment = $2 FOR UPDATE',
      [row.service_id, row.environment],
    );
    const live = await liveDeployment(tx, row.service_id, row.environment);
    if (live) await updateDeployment(tx, live.id, `status = $2`, [replaced]);
    const deployment = await updateDeployment(
      tx,
      row.id,
      `status = 'live', health = 'healthy', health_checked_at = now(), unhealthy_since = NULL,
       instance_port = $2, finished_at = now()`,
      [instance.port],
    );
    if (!deployment) throw new Error('deployment row vanished');
    return { deployment, port: route.rows[0]?.port ?? null, previousId: live?.id ?? null };
  });
  if (port === null) throw new Error('stable port missing');
  await deps.runtime.route(row.service_id, row.environment, port, instance.port);
  // Keep the version just replaced for a fast rollback; older processes go.
  const keep = new Set([row.id, ...(replaced === 'superseded' && previousId ? [previousId] : [])]);
  for (const id of deps.runtime.runningFor(row.service_id, row.environment)) {
    if (!keep.has(id)) await deps.runtime.stop(id);
  }
  await reporter.log(`version ${row.version.slice(0, 7)} is live on port ${port}`);
  return deployment;
}

/**
 * Runs a deployment's version from its directory with its environment's secrets: the one way a
 * version starts, whether deployed, rolled back to, or brought back after a platform restart.
 */
export async function startVersion(
  deps: SelfServiceDeps,
  reporter: StepReporter | null,
  row: DeploymentRow,
  template: TemplateDefinition,
  dir: string,
): Promise<Instance> {
  const secrets = await deps.readSecrets(row.service_id, row.environment);
  const env = await deps.processEnv(row.service_id, row.environment);
  if (reporter) {
    for (const value of [...Object.values(secrets), ...Object.values(env)]) reporter.redact(value);
    await reporter.progress(0.6, 'starting');
    await reporter.log(`starting ${template.start.join(' ')} with ${Object.keys(secrets).length} secret(s)`);
  }
  return deps.runtime.start({
    deploymentId: row.id,
    serviceId: row.service_id,
    environment: row.environment,
    version: row.version,
    dir,
    command: template.start,
    healthPath: template.healthPath,
    secrets,
    env,
  });
}

/** Waits for `instance`'s health check; one that does not pass in time is stopped. */
export async function passesHealthCheck(
  deps: SelfServiceDeps,
  row: Pick<DeploymentRow, 'id'>,
  instance: Instance,
): Promise<boolean> {
  if (await deps.runtime.waitHealthy(instance, deps.healthTimeoutMs)) return true;
  await deps.runtime.stop(row.id);
  return false;
}

/** service.deploy: check out a commit, scan it, build, start, health-check, switch. */
export async function deploy(
  deps: SelfServiceDeps,
  reporter: StepReporter,
  input: { serviceId: string; environment: EnvironmentName; version?: string },
): Promise<Deployment> {
  const source = await serviceSource(deps, input.serviceId);
  let commit: CommitInfo;
  try {
    commit = await resolveCommit(source.bareRepo, input.version ?? 'main');
  } catch (error) {
    if (error instanceof UnknownVersionError) throw new ExecutorError('unknown_version', error.message);
    throw error;
  }
  const row = await insertDeployment(deps, reporter, { ...input, commit, rolledBackFromId: null });
  await reporter.log(`deploying ${commit.sha.slice(0, 7)} "${commit.message}" to ${input.environment}`);

  await reporter.progress(0.2, 'checking out');
  const dir = deps.runtime.versionDir(input.serviceId, input.environment, commit.sha);
  if (
    !(await exists(path.join(dir, 'catalog-info.json'))) &&
    !(await exists(path.join(dir, 'package.json')))
  ) {
    await exportCommit(source.bareRepo, commit.sha, dir);
  }

  await reporter.progress(0.35, 'guardrail scan');
  const findings: GuardrailFinding[] = [
    ...(await scanSource(dir)),
    ...(await evaluatePolicies(deps.pool, source.template.policies, {
      serviceId: input.serviceId,
      environment: input.environment,
      version: commit.sha,
    })),
  ];
  await withTransaction(deps.pool, (tx) =>
    updateDeployment(tx, row.id, 'findings = $2', [JSON.stringify(findings)]),
  );
  for (const finding of findings) {
    await reporter.log(
      `guardrail ${finding.severity}: ${finding.message}${finding.location ? ` (${finding.location})` : ''}`,
      finding.severity === 'blocking' ? 'error' : 'warn',
    );
  }
  const blocking = findings.find((finding) => finding.severity === 'blocking');
  if (blocking) await fail(deps, row.id, 'guardrail_blocked', blocking.message);

  if (source.template.build) {
    await reporter.progress(0.5, 'building');
    const [program, ...args] = source.template.build;
    if (program) {
      try {
        await run(program, args, { cwd: dir, env: { PATH: process.env.PATH } });
      } catch (error) {
        await fail(
          deps,
          row.id,
          'build_failed',
          `build failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
  const instance = await startVersion(deps, reporter, row, source.template, dir);
  return switchTo(deps, reporter, row, instance, 'superseded');
}

/** service.rollback: back to the version live before the current one (its kept process if alive). */
export async function rollback(
  deps: SelfServiceDeps,
  reporter: StepReporter,
  input: { serviceId: string; environment: EnvironmentName },
): Promise<Deployment> {
  const source = await serviceSource(deps, input.serviceId);
  const live = await liveDeployment(deps.pool, input.serviceId, input.environment);
  if (!live) throw new ExecutorError('nothing_live', `nothing is live in ${input.environment} to roll back`);
  const { rows } = await deps.pool.query<DeploymentRow>(
    `SELECT * FROM deployments
      WHERE service_id = $1 AND environment = $2 AND status = 'superseded' AND version <> $3 AND started_at < $4
      ORDER BY started_at DESC LIMIT 1`,
    [input.serviceId, input.environment, live.version, live.started_at],
  );
  const target = rows[0];
  if (!target) {
    throw new ExecutorError(
      'no_previous_version',
      `no earlier healthy version in ${input.environment} to roll back to`,
    );
  }
  const row = await insertDeployment(deps, reporter, {
    ...input,
    commit: {
      sha: target.version,
      committedAt: target.committed_at.toISOString(),
      message: target.commit_message,
    },
    rolledBackFromId: live.id,
  });
  await reporter.log(
    `rolling back ${input.environment} from ${live.version.slice(0, 7)} to ${target.version.slice(0, 7)}`,
  );
  let instance = await deps.runtime.adopt(target.id, row.id);
  if (instance) {
    await reporter.log('re-using the kept process of that version');
  } else {
    const dir = deps.runtime.versionDir(input.serviceId, input.environment, target.version);
    if (!(await exists(dir))) await exportCommit(source.bareRepo, target.version, dir);
    instance = await startVersion(deps, reporter, row, source.template, dir);
  }
  return switchTo(deps, reporter, row, instance, 'rolled_back');
}
