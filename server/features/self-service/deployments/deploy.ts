import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { EnvironmentName } from '../../../../shared/features/catalog/api';
import type {
  CanaryRequest,
  Deployment,
  GuardrailFinding,
  ServiceVersion,
} from '../../../../shared/features/self-service/api';
import { rollbackAvailability } from '../../../../shared/features/self-service/rollback-rule';
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
import { artifactFileFor, extractArtifact, packArtifact } from '../versions/artifacts';
import { findVersion, publishVersion } from '../versions/versions';
import { runCanary } from '../canary/run-canary';
import {
  getDeployment,
  getDeploymentRow,
  liveDeployment,
  listDeployments,
  updateDeployment,
  type DeploymentRow,
} from './deployment-rows';
import { exists, fail, goLive, passesHealthCheck, stopAllBut } from './go-live';
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
export async function stablePort(tx: Tx, serviceId: string, environment: string): Promise<number> {
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
    versionId: string | null;
    rolledBackFromId: string | null;
    /** A canary release compared with this live deployment. */
    canary?: { request: CanaryRequest; stableId: string };
  },
): Promise<DeploymentRow> {
  return withTransaction(deps.pool, async (tx) => {
    await stablePort(tx, target.serviceId, target.environment);
    const live = await liveDeployment(tx, target.serviceId, target.environment);
    if (target.canary) {
      const running = await tx.query(
        `SELECT 1 FROM canary_releases
          WHERE service_id = $1 AND environment = $2 AND status IN ('starting', 'analysing')`,
        [target.serviceId, target.environment],
      );
      if (running.rowCount) {
        throw new ExecutorError(
          'canary_in_progress',
          `a canary is already running in ${target.environment}; promote or abort it first`,
        );
      }
    }
    const id = randomUUID();
    await tx.query(
      `INSERT INTO deployments (id, service_id, environment, version, commit_message, committed_at, status,
                                previous_deployment_id, rolled_back_from_id, operation_id, requested_by, version_id)
       VALUES ($1, $2, $3, $4, $5, $6, 'deploying', $7, $8, $9, $10, $11)`,
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
        target.versionId,
      ],
    );
    if (target.canary) {
      await tx.query(
        `INSERT INTO canary_releases (deployment_id, service_id, environment, stable_deployment_id,
                                      weight_percent, window_seconds, status)
         VALUES ($1, $2, $3, $4, $5, $6, 'starting')`,
        [
          id,
          target.serviceId,
          target.environment,
          target.canary.stableId,
          target.canary.request.weightPercent,
          target.canary.request.windowSeconds,
        ],
      );
    }
    await recordChange(tx, 'deployment', id, 'put', await getDeployment(tx, id));
    const row = await getDeploymentRow(tx, id);
    if (!row) throw new Error('inserted deployment vanished');
    return row;
  });
}

/**
 * Health-checks `instance`, then makes it the live version. A version that fails its check is
 * stopped and never takes traffic; the old one keeps serving.
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
    return fail(deps, row, 'health_check_failed', message);
  }
  await reporter.progress(0.9, 'switching traffic');
  const { deployment, port, previousId } = await goLive(deps, row, instance, replaced);
  // Keep the version just replaced for a fast rollback; older processes go.
  await stopAllBut(
    deps,
    row,
    new Set([row.id, ...(replaced === 'superseded' && previousId ? [previousId] : [])]),
  );
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

const label = (version: ServiceVersion) => `v${version.number} (${version.commitSha.slice(0, 7)})`;

/** Unpacks a published version's artifact into `dir` unless it is already there. No build. */
async function unpackVersion(
  deps: SelfServiceDeps,
  reporter: StepReporter,
  version: ServiceVersion,
  dir: string,
): Promise<void> {
  if (await exists(dir)) {
    await reporter.log(`${label(version)} is already unpacked here; not built again`);
    return;
  }
  await reporter.progress(0.2, `unpacking ${label(version)}`);
  await extractArtifact(path.join(deps.dataDir, version.artifact), dir);
  await reporter.log(`unpacked the artifact of ${label(version)} (${version.artifact}); not built again`);
}

/** Builds a commit that has no published version yet, packs it and publishes it (source 'deploy'). */
async function buildAndPublish(
  deps: SelfServiceDeps,
  reporter: StepReporter,
  source: ServiceSource,
  row: DeploymentRow,
  dir: string,
): Promise<ServiceVersion> {
  if (source.template.build) {
    await reporter.progress(0.5, 'building');
    const [program, ...args] = source.template.build;
    if (program) {
      try {
        // npm (the http-service template's build) needs the platform's npm cache to install offline.
        const npmCache = process.env.npm_config_cache ?? path.join(os.homedir(), '.npm');
        await run(program, args, { cwd: dir, env: { PATH: process.env.PATH, npm_config_cache: npmCache } });
      } catch (error) {
        await fail(
          deps,
          row,
          'build_failed',
          `build failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
  await reporter.progress(0.55, 'packing the artifact');
  const artifactFile = artifactFileFor(deps.dataDir, row.service_id, row.version);
  await packArtifact(dir, artifactFile);
  const version = await withTransaction(deps.pool, async (tx) => {
    const published = await publishVersion(
      tx,
      {
        serviceId: row.service_id,
        commit: {
          sha: row.version,
          message: row.commit_message,
          committedAt: row.committed_at.toISOString(),
        },
        artifactFile,
        pipelineRunId: null,
      },
      'deploy',
    );
    await updateDeployment(tx, row.id, 'version_id = $2', [published.id]);
    return published;
  });
  await reporter.log(
    `published ${label(version)}: later deploys of this commit unpack it instead of building`,
  );
  return version;
}

async function scanAndCheck(
  deps: SelfServiceDeps,
  reporter: StepReporter,
  source: ServiceSource,
  row: DeploymentRow,
  dir: string,
): Promise<void> {
  await reporter.progress(0.35, 'guardrail scan');
  const findings: GuardrailFinding[] = [
    ...(await scanSource(dir)),
    ...(await evaluatePolicies(deps.pool, source.template.policies, {
      serviceId: row.service_id,
      environment: row.environment,
      version: row.version,
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
  if (blocking) await fail(deps, row, 'guardrail_blocked', blocking.message);
}

export interface DeployInput {
  serviceId: string;
  environment: EnvironmentName;
  version?: string;
  canary?: CanaryRequest;
}

/**
 * service.deploy: a published version is unpacked (never rebuilt); a commit without one is
 * exported, scanned, built, packed and published. Then start, health-check and switch — or, as a
 * canary, share traffic with the live version until the analysis decides.
 */
export async function deploy(
  deps: SelfServiceDeps,
  reporter: StepReporter,
  input: DeployInput,
  signal: AbortSignal = new AbortController().signal,
): Promise<Deployment> {
  const source = await serviceSource(deps, input.serviceId);
  let commit: CommitInfo;
  try {
    commit = await resolveCommit(source.bareRepo, input.version ?? 'main');
  } catch (error) {
    if (error instanceof UnknownVersionError) throw new ExecutorError('unknown_version', error.message);
    throw error;
  }
  const version = await findVersion(deps.pool, input.serviceId, commit.sha);
  const stable = input.canary ? await liveDeployment(deps.pool, input.serviceId, input.environment) : null;
  if (input.canary && !stable) {
    await reporter.log(
      `nothing is live in ${input.environment} to compare a canary with: deploying normally`,
    );
  }
  const row = await insertDeployment(deps, reporter, {
    serviceId: input.serviceId,
    environment: input.environment,
    commit,
    versionId: version?.id ?? null,
    rolledBackFromId: null,
    ...(input.canary && stable ? { canary: { request: input.canary, stableId: stable.id } } : {}),
  });
  await reporter.log(
    `deploying ${version ? label(version) : commit.sha.slice(0, 7)} "${commit.message}" to ${input.environment}${row.canary_row ? ` as a canary (${input.canary?.weightPercent} % for ${input.canary?.windowSeconds} s)` : ''}`,
  );

  const dir = deps.runtime.versionDir(input.serviceId, input.environment, commit.sha);
  if (version) {
    await unpackVersion(deps, reporter, version, dir);
    await scanAndCheck(deps, reporter, source, row, dir);
  } else {
    await reporter.progress(0.2, 'checking out');
    if (
      !(await exists(path.join(dir, 'catalog-info.yaml'))) &&
      !(await exists(path.join(dir, 'package.json')))
    ) {
      await exportCommit(source.bareRepo, commit.sha, dir);
    }
    await scanAndCheck(deps, reporter, source, row, dir);
    await buildAndPublish(deps, reporter, source, row, dir);
  }
  const current = (await getDeploymentRow(deps.pool, row.id)) ?? row;
  const instance = await startVersion(deps, reporter, current, source.template, dir);
  if (current.canary_row && stable) {
    return runCanary(deps, reporter, { row: current, stable, instance, signal });
  }
  return switchTo(deps, reporter, current, instance, 'superseded');
}

/**
 * service.rollback: back to the previous healthy version (rollbackAvailability), from its kept
 * process if alive, else from its published artifact — never rebuilt.
 */
export async function rollback(
  deps: SelfServiceDeps,
  reporter: StepReporter,
  input: { serviceId: string; environment: EnvironmentName },
): Promise<Deployment> {
  const source = await serviceSource(deps, input.serviceId);
  const history = await listDeployments(deps.pool, { ...input, limit: 500 });
  const availability = rollbackAvailability(input.environment, history);
  const live = history.find((d) => d.status === 'live');
  const target = availability.target
    ? await getDeploymentRow(deps.pool, availability.target.deploymentId)
    : null;
  if (!availability.available || !target || !live) {
    throw new ExecutorError(
      'rollback_unavailable',
      `cannot roll back: ${availability.reason ?? 'no target'}`,
    );
  }
  const row = await insertDeployment(deps, reporter, {
    ...input,
    commit: {
      sha: target.version,
      committedAt: target.committed_at.toISOString(),
      message: target.commit_message,
    },
    versionId: target.version_id,
    rolledBackFromId: live.id,
  });
  await reporter.log(
    `rolling back ${input.environment} from ${live.version.slice(0, 7)} to ${target.version_number ? `v${target.version_number} ` : ''}${target.version.slice(0, 7)}`,
  );
  let instance = await deps.runtime.adopt(target.id, row.id);
  if (instance) {
    await reporter.log('re-using the kept process of that version');
  } else {
    const dir = deps.runtime.versionDir(input.serviceId, input.environment, target.version);
    const version = await findVersion(deps.pool, input.serviceId, target.version);
    if (version) await unpackVersion(deps, reporter, version, dir);
    else if (!(await exists(dir))) await exportCommit(source.bareRepo, target.version, dir);
    instance = await startVersion(deps, reporter, row, source.template, dir);
  }
  return switchTo(deps, reporter, row, instance, 'rolled_back');
}
