import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import type { Operation } from '../../../../shared/features/operations/api';
import type { PipelineRun } from '../../../../shared/features/pipelines/api';
import { waitFor } from '../../../harness/wait-for';
import type { TestPlatform } from '../../../harness/platform';
import type { apiClient } from '../../api-client';

export type Api = ReturnType<typeof apiClient>;

export const author = { name: 'Test Engineer', email: 'engineer@example.com' };

/** A pave.yaml of quick shell steps, for the cases that test the runner rather than the template. */
export const paveYaml = (steps: { name: string; run: string; timeoutSeconds?: number }[]): string =>
  [
    'version: 1',
    'steps:',
    ...steps.flatMap((step) => [
      `  - name: ${step.name}`,
      `    run: ${JSON.stringify(step.run)}`,
      ...(step.timeoutSeconds ? [`    timeoutSeconds: ${step.timeoutSeconds}`] : []),
    ]),
    '',
  ].join('\n');

export async function waitForOperation(
  api: Api,
  operationId: string,
  timeoutMs = 60_000,
): Promise<Operation> {
  return waitFor(
    async () => {
      const { status, body } = await api('GET', `/v1/operations/${operationId}`);
      expect(status).toBe(200);
      const operation = body as Operation;
      return ['succeeded', 'failed', 'cancelled'].includes(operation.status) && operation;
    },
    { timeoutMs, what: `operation ${operationId} finished` },
  );
}

export async function getRun(api: Api, runId: string): Promise<PipelineRun> {
  const { status, body } = await api('GET', `/v1/pipeline-runs/${runId}`);
  expect(status).toBe(200);
  return body as PipelineRun;
}

/** Waits for the run to reach a final status (the signal), failing after `timeoutMs`. */
export function waitForRun(api: Api, runId: string, timeoutMs = 90_000): Promise<PipelineRun> {
  return waitFor(
    async () => {
      const run = await getRun(api, runId);
      return ['succeeded', 'failed', 'cancelled'].includes(run.status) && run;
    },
    { timeoutMs, what: `pipeline run ${runId} finished` },
  );
}

/** Waits until the run's step `name` is running (its process group exists). */
export function waitForRunningStep(api: Api, runId: string, name: string): Promise<PipelineRun> {
  return waitFor(
    async () => {
      const run = await getRun(api, runId);
      return run.steps.some((step) => step.name === name && step.status === 'running') && run;
    },
    { what: `step ${name} of run ${runId} running` },
  );
}

export async function startRun(
  api: Api,
  serviceId: string,
  commitSha?: string,
  headers: Record<string, string> = {},
) {
  const accepted = await api(
    'POST',
    `/v1/services/${serviceId}/pipeline-runs`,
    commitSha ? { commitSha } : {},
    headers,
  );
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
  return accepted.body as { operationId: string; runId: string };
}

/** The OS processes a run's steps started (they carry PAVE_RUN_ID), read from /proc. */
export async function runProcesses(runId: string): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const environ = await readFile(`/proc/${entry}/environ`, 'utf8').catch(() => '');
    if (environ.split('\0').includes(`PAVE_RUN_ID=${runId}`)) found.push(Number(entry));
  }
  return found;
}

export async function createTemplateService(
  api: Api,
  platform: TestPlatform,
  teamId: string,
  name: string,
  templateId = 'http-service',
) {
  const created = await api('POST', `/v1/templates/${templateId}/services`, {
    values: { name, title: `The ${name}`, ownerTeamId: teamId },
    deployTo: 'development',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(202);
  const operation = await waitForOperation(api, (created.body as { operationId: string }).operationId);
  expect(operation.status, JSON.stringify(operation.error)).toBe('succeeded');
  const result = operation.result as { serviceId: string; version: string; stablePort: number };
  return { ...result, bareRepo: path.join(platform.dataDir, 'repositories', `${name}.git`) };
}

export async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
