import { describe, expect, it } from 'vitest';
import type { EnvironmentDeployments, QueuedAction } from '../../../../shared/features/self-service/api';
import {
  currentQueuedActions,
  deploymentProblems,
} from '../../../../renderer/features/self-service/deployment-messages';

const blocking = {
  rule: 'production-approval',
  severity: 'blocking' as const,
  message: 'production deploys need a green staging deploy of the same version',
  location: null,
};

describe('deploymentProblems', () => {
  it('says a guardrail block once, not as both the error and the finding', () => {
    expect(deploymentProblems({ error: blocking.message, findings: [blocking] })).toEqual({
      error: null,
      findings: [blocking],
    });
  });

  it('keeps an error that no finding explains', () => {
    expect(deploymentProblems({ error: 'health check timed out', findings: [blocking] }).error).toBe(
      'health check timed out',
    );
    expect(deploymentProblems({ error: null, findings: [] })).toEqual({ error: null, findings: [] });
  });
});

describe('currentQueuedActions', () => {
  const action = (status: QueuedAction['status'], createdAt: string): QueuedAction => ({
    mutationId: 1,
    name: 'service.deploy',
    environment: 'production',
    idempotencyKey: 'k',
    createdAt,
    status,
    reason: status === 'rejected' ? { code: 'guardrail_blocked', message: blocking.message } : null,
  });
  const env = (startedAt: string | null) =>
    ({
      environment: 'production',
      history: startedAt === null ? [] : [{ startedAt }],
    }) as unknown as EnvironmentDeployments;

  it('drops a refusal once a later deployment of its environment started', () => {
    const refused = action('rejected', '2026-11-30T10:00:00.000Z');
    expect(currentQueuedActions([refused], [env('2026-11-30T10:05:00.000Z')])).toEqual([]);
  });

  it('keeps a refusal with nothing newer, and every pending action', () => {
    const refused = action('rejected', '2026-11-30T10:00:00.000Z');
    const pending = action('pending', '2026-11-30T09:00:00.000Z');
    expect(currentQueuedActions([refused, pending], [env('2026-11-30T09:30:00.000Z')])).toEqual([
      refused,
      pending,
    ]);
    expect(currentQueuedActions([refused], [env(null)])).toEqual([refused]);
  });
});
