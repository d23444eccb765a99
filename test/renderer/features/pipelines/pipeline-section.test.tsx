import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PipelineRun, PipelineStep } from '../../../../shared/features/pipelines/api';
import type { OperationView } from '../../../../shared/features/operations/ipc';
import { mergeQueryKeysByTable, queryKeysForTables } from '../../../../renderer/data/table-invalidation';
import { operationsWindowQuery } from '../../../../renderer/features/operations/public';
import { pipelineKeys, pipelineQueryKeysByTable } from '../../../../renderer/features/pipelines/data';
import { PipelineRunDetail } from '../../../../renderer/features/pipelines/PipelineRunDetail';
import { formatStepDuration, runDurationMs } from '../../../../renderer/features/pipelines/step-duration';

const sha = 'c0ffee'.padEnd(40, '0');
const step = (
  name: string,
  status: PipelineStep['status'],
  over: Partial<PipelineStep> = {},
): PipelineStep => ({
  name,
  command: name === 'test' ? 'node --test' : name,
  status,
  startedAt: '2026-11-30T08:00:00.000Z',
  finishedAt: status === 'running' || status === 'pending' ? null : '2026-11-30T08:00:01.500Z',
  durationMs: status === 'running' || status === 'pending' ? null : 1500,
  exitCode: null,
  error: null,
  ...over,
});

const run = (over: Partial<PipelineRun> = {}): PipelineRun => ({
  id: 'run-1',
  serviceId: 'svc',
  operationId: 'op-1',
  number: 3,
  commitSha: sha,
  commitMessage: 'Fix the totals',
  status: 'succeeded',
  failedStep: null,
  error: null,
  steps: [step('checkout', 'succeeded'), step('test', 'succeeded'), step('package', 'succeeded')],
  versionId: 'v3',
  deployOperationId: 'op-2',
  requestedBy: 'ann',
  createdAt: '2026-11-30T08:00:00.000Z',
  startedAt: '2026-11-30T08:00:00.000Z',
  finishedAt: '2026-11-30T08:00:05.000Z',
  ...over,
});

const render = (value: PipelineRun, operations: OperationView[] = []) => {
  const client = new QueryClient();
  client.setQueryData(
    operationsWindowQuery({ serviceId: value.serviceId, kinds: ['service.deploy'], limit: 100 }).queryKey,
    { rows: operations, offset: 0, total: operations.length, totalAll: operations.length },
  );
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <PipelineRunDetail run={value} />
    </QueryClientProvider>,
  );
};

describe('a pipeline run opened', () => {
  it('a red run says which step failed and why, and offers no promotion', () => {
    const html = render(
      run({
        status: 'failed',
        failedStep: 'test',
        error: 'test failed with exit code 1\nlast lines:\n✖ totals add up',
        versionId: null,
        deployOperationId: null,
        steps: [
          step('checkout', 'succeeded'),
          step('test', 'failed', { exitCode: 1 }),
          step('package', 'skipped', { startedAt: null, finishedAt: null, durationMs: null }),
        ],
      }),
    );
    expect(html).toContain('Failed at step test');
    expect(html).toContain('test failed with exit code 1');
    expect(html).toContain('✖ totals add up');
    expect(html).toContain('1.5 s · exit 1');
    expect(html).toMatch(/data-step="package" data-status="skipped"/);
    expect(html).not.toContain('Promote to');
    expect(html).not.toContain('Cancel run');
  });

  it('a running run can be cancelled and shows its log area', () => {
    const html = render(
      run({
        status: 'running',
        finishedAt: null,
        steps: [step('checkout', 'succeeded'), step('test', 'running')],
      }),
    );
    expect(html).toContain('Cancel run');
    expect(html).toContain('data-testid="pipeline-log"');
    expect(html).toContain('Waiting for log lines…');
    expect(html).not.toContain('Promote to');
  });

  it('a green run offers promotion, and shows a refused production deploy with its reason', () => {
    const refused: OperationView = {
      id: 'op-9',
      kind: 'service.deploy',
      status: 'failed',
      serviceId: 'svc',
      environment: 'production',
      requestedBy: 'ann',
      idempotencyKey: null,
      input: { environment: 'production', version: sha },
      result: null,
      error: {
        code: 'guardrail_blocked',
        message: 'Production only after a healthy staging deploy of the same version',
      },
      progress: 0.35,
      step: null,
      createdAt: '2026-11-30T08:01:00.000Z',
      startedAt: '2026-11-30T08:01:00.000Z',
      finishedAt: '2026-11-30T08:01:02.000Z',
      updatedAt: '2026-11-30T08:01:02.000Z',
      serviceName: 'ledger',
      requestedByName: 'Ann',
      local: false,
    };
    const html = render(run(), [refused]);
    expect(html).toContain('Promote to staging');
    expect(html).toContain('Promote to production');
    expect(html).toContain('Production only after a healthy staging deploy of the same version');
    expect(html).not.toContain('Cancel run');
  });
});

describe('durations and live updates', () => {
  it('formats step durations from milliseconds to minutes', () => {
    expect(formatStepDuration(850)).toBe('850 ms');
    expect(formatStepDuration(12_400)).toBe('12.4 s');
    expect(formatStepDuration(185_000)).toBe('3 min 5 s');
    expect(formatStepDuration(120_000)).toBe('2 min');
  });

  it('counts a running run up to now, and an ended one to its end', () => {
    const started = { startedAt: '2026-11-30T08:00:00.000Z', finishedAt: null };
    expect(runDurationMs(started, Date.parse('2026-11-30T08:00:09.000Z'))).toBe(9000);
    expect(runDurationMs({ ...started, finishedAt: '2026-11-30T08:00:04.000Z' }, Date.now())).toBe(4000);
    expect(runDurationMs({ startedAt: null, finishedAt: null }, Date.now())).toBeNull();
  });

  it('refreshes the runs when the synced table or the outbox changes', () => {
    const byTable = mergeQueryKeysByTable([pipelineQueryKeysByTable]);
    expect(queryKeysForTables(byTable, ['pipeline_runs'])).toEqual([pipelineKeys.all]);
    // The outbox also feeds the core's queries; the runs are among the keys it refreshes.
    expect(queryKeysForTables(byTable, ['outbox'])).toContainEqual(pipelineKeys.all);
  });
});
