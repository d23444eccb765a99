import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEntry } from '../../../../shared/contract';
import type { CanaryState, Deployment, ServiceVersion } from '../../../../shared/features/self-service/api';
import { openCache, type Cache } from '../../../../electron/backend/cache/open-cache';
import { backendFeatures } from '../../../../electron/backend/features';
import { serviceDeployments } from '../../../../electron/backend/features/self-service/queries';

const { migrations, model } = backendFeatures;
let dir: string;
let cache: Cache;
let seq = 0;

const put = (entity: 'deployment' | 'version', data: Deployment | ServiceVersion) => {
  const change = { seq: ++seq, entity, id: data.id, op: 'put', data } as ChangeEntry;
  cache.db.transaction(() => model.entities.apply(cache.db, change, new Set()))();
};

const sha = (digit: string) => digit.repeat(40);
let minute = 0;
function deployment(fields: Partial<Deployment> & Pick<Deployment, 'id' | 'version' | 'status'>): Deployment {
  minute += 1;
  const at = new Date(Date.UTC(2026, 10, 30, 8, minute)).toISOString();
  return {
    serviceId: 'svc',
    environment: 'production',
    commitMessage: `commit ${fields.version.slice(0, 1)}`,
    committedAt: at,
    health: 'healthy',
    healthCheckedAt: at,
    stablePort: 4000,
    findings: [],
    previousDeploymentId: null,
    rolledBackFromId: null,
    operationId: null,
    requestedBy: 'user',
    error: null,
    startedAt: at,
    finishedAt: at,
    updatedAt: at,
    versionId: null,
    versionNumber: null,
    canary: null,
    ...fields,
  };
}

const production = () =>
  serviceDeployments(cache.db, 'svc').environments.find((e) => e.environment === 'production');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pave-cache-'));
  cache = openCache(join(dir, 'cache.db'), migrations);
});
afterEach(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Roll back availability in the deployments view', () => {
  it('explains why it is unavailable: nothing live, one version, a deploy in progress', () => {
    expect(production()?.rollback).toEqual({
      available: false,
      reason: 'nothing is live in production',
      target: null,
    });

    put('deployment', deployment({ id: 'd1', version: sha('a'), status: 'live', versionNumber: 1 }));
    expect(production()?.rollback.reason).toBe('only one version has run here');

    // The same version deployed again is still one version.
    put('deployment', deployment({ id: 'd1', version: sha('a'), status: 'superseded', versionNumber: 1 }));
    put('deployment', deployment({ id: 'd2', version: sha('a'), status: 'live', versionNumber: 1 }));
    expect(production()?.rollback.reason).toBe('only one version has run here');

    put('deployment', deployment({ id: 'd3', version: sha('b'), status: 'deploying', versionNumber: 2 }));
    expect(production()?.rollback.reason).toMatch(/^a deploy is in progress in production/);
  });

  it('names the previous healthy version, skipping one that ended unhealthy', () => {
    put('deployment', deployment({ id: 'd1', version: sha('a'), status: 'superseded', versionNumber: 1 }));
    put(
      'deployment',
      deployment({
        id: 'd2',
        version: sha('b'),
        status: 'superseded',
        versionNumber: 2,
        health: 'unhealthy',
      }),
    );
    put('deployment', deployment({ id: 'd3', version: sha('c'), status: 'live', versionNumber: 3 }));
    expect(production()?.rollback).toEqual({
      available: true,
      reason: null,
      target: { deploymentId: 'd1', version: sha('a'), versionNumber: 1, commitMessage: 'commit a' },
    });
  });

  it('shows the running canary and lists published versions newest first', () => {
    const canary: CanaryState = {
      deploymentId: 'd2',
      status: 'analysing',
      weightPercent: 10,
      windowSeconds: 60,
      startedAt: '2026-11-30T08:00:00.000Z',
      endsAt: '2026-11-30T08:01:00.000Z',
      stable: { requests: 90, failures: 0 },
      canary: { requests: 10, failures: 1 },
      reason: null,
      automatic: null,
      decidedAt: null,
    };
    put('deployment', deployment({ id: 'd1', version: sha('a'), status: 'live', versionNumber: 1 }));
    put(
      'deployment',
      deployment({ id: 'd2', version: sha('b'), status: 'deploying', versionNumber: 2, canary }),
    );
    for (const number of [1, 2]) {
      put('version', {
        id: `v${number}`,
        serviceId: 'svc',
        number,
        commitSha: sha(number === 1 ? 'a' : 'b'),
        commitMessage: `commit ${number}`,
        committedAt: '2026-11-30T08:00:00.000Z',
        artifact: `artifacts/svc/${number}.tar.gz`,
        source: 'pipeline',
        pipelineRunId: `run-${number}`,
        createdAt: '2026-11-30T08:00:00.000Z',
      });
    }
    const view = serviceDeployments(cache.db, 'svc');
    expect(view.environments.find((e) => e.environment === 'production')?.canary).toEqual(canary);
    expect(view.environments.find((e) => e.environment === 'staging')?.canary).toBeNull();
    expect(view.versions.map((v) => v.number)).toEqual([2, 1]);
  });

  it('reads deployment rows cached before versions existed (no versionId, canary fields)', () => {
    const {
      versionId: _v,
      versionNumber: _n,
      canary: _c,
      ...old
    } = deployment({
      id: 'old',
      version: sha('e'),
      status: 'live',
    });
    put('deployment', old as Deployment);
    expect(production()?.live).toMatchObject({
      id: 'old',
      versionId: null,
      versionNumber: null,
      canary: null,
    });
  });
});
