import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Operation } from '../../shared/features/operations/api';
import type { Deployment } from '../../shared/features/self-service/api';
import { medianOf, startBenchPlatform } from './bench-platform';
import { commitFiles } from '../../server/features/self-service/repositories/git-repository';

const RUNS = Number(process.env.PAVE_BENCH_CANARY_RUNS ?? 3);
const WINDOW_SECONDS = 10; // the shortest window the API accepts
const TICK_MS = 250;

const median = (values: number[]): number => medianOf(values) ?? 0;

/**
 * Canary decision time on real processes behind the real stable proxy, with 4 callers looping on
 * the stable port: from the canary passing its health check (the window opens) to the platform's
 * automatic decision — a good canary promoted at the end of a 10 s window (reported as the time
 * past the window) and a canary answering 500 aborted on its error rate. Medians over RUNS.
 */
export async function printCanaryBench(): Promise<void> {
  const platform = await startBenchPlatform('canary', { selfService: { canaryTickMs: TICK_MS } });
  const { call, dir } = platform;
  // Waits on the operation row (the signal the app also waits on); any final status is returned.
  const finished = async (accepted: Record<string, unknown>): Promise<Operation> => {
    for (;;) {
      const operation = (await call('GET', `/v1/operations/${String(accepted.operationId)}`)) as Operation;
      if (['succeeded', 'failed', 'cancelled'].includes(operation.status)) return operation;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  let loopsRunning = true;
  const loops: Promise<void>[] = [];
  try {
    const team = await call('POST', '/v1/teams', { slug: 'bench-canary', name: 'Bench canary' });
    const created = await finished(
      await call('POST', '/v1/templates/http-service/services', {
        values: { name: 'bench-canary', title: 'Bench canary', ownerTeamId: team.id, greeting: 'stable' },
        deployTo: 'development',
      }),
    );
    if (created.status !== 'succeeded') throw new Error(`create failed: ${created.error?.message}`);
    const serviceId = String(created.result?.serviceId);
    const stablePort = Number(created.result?.stablePort);
    const bareRepo = join(dir, 'platform', 'repositories', 'bench-canary.git');
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
    for (let i = 0; i < 4; i++) {
      loops.push(
        (async () => {
          while (loopsRunning)
            await fetch(`http://127.0.0.1:${stablePort}/`).then(
              (r) => r.arrayBuffer(),
              () => null,
            );
        })(),
      );
    }
    const broken = `import http from 'node:http';
http.createServer((q, s) => { s.writeHead(q.url === '/healthz' ? 200 : 500); s.end('{}'); }).listen(Number(process.env.PORT), '127.0.0.1');
`;
    const decision = async (serverJs: string, message: string): Promise<{ ms: number; status: string }> => {
      const commit = await commitFiles(
        bareRepo,
        new Map([['server.js', serverJs]]),
        { name: 'Bench', email: 'bench@example.com' },
        message,
      );
      const operation = await finished(
        await call('POST', `/v1/services/${serviceId}/deployments`, {
          environment: 'development',
          version: commit.sha,
          canary: { weightPercent: 20, windowSeconds: WINDOW_SECONDS },
        }),
      );
      const { items } = (await call(
        'GET',
        `/v1/services/${serviceId}/deployments?environment=development`,
      )) as {
        items: Deployment[];
      };
      const canary = items.find((d) => d.version === commit.sha)?.canary;
      if (!canary?.startedAt || !canary.decidedAt)
        throw new Error(`no decision: ${operation.error?.message}`);
      return { ms: Date.parse(canary.decidedAt) - Date.parse(canary.startedAt), status: canary.status };
    };

    const promote: number[] = [];
    const abort: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const good = await decision(source.replace('"stable"', `"good ${run}"`), `good ${run}`);
      if (good.status !== 'promoted') throw new Error(`good canary ${good.status}`);
      promote.push(good.ms - WINDOW_SECONDS * 1000);
      const bad = await decision(broken, `broken ${run}`);
      if (bad.status !== 'aborted') throw new Error(`broken canary ${bad.status}`);
      abort.push(bad.ms);
    }
    const fmt = (values: number[]) =>
      `${Math.round(median(values)).toLocaleString('en-US')} ms (runs: ${values.map((v) => Math.round(v)).join(', ')})`;
    console.log(
      `\ncanary decision time (median of ${RUNS}; 20 % weight, ${WINDOW_SECONDS} s window, ${TICK_MS} ms tick, 4 callers)`,
    );
    console.log(`  good canary: promoted, time past the window end   ${fmt(promote)}`);
    console.log(`  canary answering 500: health pass → abort          ${fmt(abort)}`);
  } finally {
    loopsRunning = false;
    await Promise.all(loops);
    await platform.close();
  }
}
