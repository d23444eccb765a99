import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Operation } from '../../shared/features/operations/api';
import { medianOf, startBenchPlatform } from './bench-platform';
import { commitFiles } from '../../server/features/self-service/repositories/git-repository';

const RUNS = Number(process.env.PAVE_BENCH_SELF_SERVICE_RUNS ?? 3);

const median = (values: number[]): number => medianOf(values) ?? 0;

/**
 * Self-service on real processes (issue 3): "Create service" → healthy in development, a deploy of
 * a new commit, and provisioning a PostgreSQL database — medians over RUNS services.
 */
export async function printSelfServiceBench(): Promise<void> {
  const platform = await startBenchPlatform('self-service');
  const { call, dir } = platform;
  // Waits on the operation row (the signal the app also waits on).
  const finished = async (accepted: Record<string, unknown>): Promise<Operation> => {
    for (;;) {
      const operation = (await call('GET', `/v1/operations/${String(accepted.operationId)}`)) as Operation;
      if (operation.status === 'succeeded') return operation;
      if (operation.status === 'failed' || operation.status === 'cancelled') {
        throw new Error(`operation ${operation.kind} ${operation.status}: ${operation.error?.message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  try {
    const team = await call('POST', '/v1/teams', { slug: 'bench-team', name: 'Bench team' });
    const create: number[] = [];
    const deploy: number[] = [];
    const provision: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const name = `bench-service-${run}`;
      let started = performance.now();
      const created = await finished(
        await call('POST', '/v1/templates/http-service/services', {
          values: { name, title: `Bench ${run}`, ownerTeamId: team.id },
          deployTo: 'development',
        }),
      );
      create.push(performance.now() - started);
      const serviceId = String(created.result?.serviceId);

      const bareRepo = join(dir, 'platform', 'repositories', `${name}.git`);
      const source = await readFile(
        join(
          dir,
          'platform',
          'runtime',
          serviceId,
          'development',
          String(created.result?.version),
          'server.js',
        ),
        'utf8',
      );
      await commitFiles(
        bareRepo,
        new Map([['server.js', source.replace('Hello from Pave', 'Hello again')]]),
        { name: 'Bench', email: 'bench@example.com' },
        'Bench change',
      );
      started = performance.now();
      await finished(
        await call('POST', `/v1/services/${serviceId}/deployments`, { environment: 'development' }),
      );
      deploy.push(performance.now() - started);

      started = performance.now();
      await finished(
        await call('POST', `/v1/services/${serviceId}/resources`, {
          kind: 'postgres',
          size: 'small',
          environment: 'development',
        }),
      );
      provision.push(performance.now() - started);
    }
    const fmt = (values: number[]) =>
      `${Math.round(median(values)).toLocaleString('en-US')} ms (runs: ${values.map((v) => Math.round(v)).join(', ')})`;
    console.log(`\nself-service on the local runtime (median of ${RUNS})`);
    console.log(`  create service → healthy in development  ${fmt(create)}`);
    console.log(`  deploy a new commit                       ${fmt(deploy)}`);
    console.log(`  provision PostgreSQL (small)              ${fmt(provision)}`);
  } finally {
    await platform.close();
  }
}
