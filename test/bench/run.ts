import { measureInitialSync } from './initial-sync';
import { startPlatformAtScale } from './platform-at-scale';

/**
 * `npm run bench`: prints figures and ratios; asserts nothing (targets are read, not enforced,
 * because shared machines make timings noisy).
 */
const SERVICES = Number(process.env.PAVE_BENCH_SERVICES ?? 20_000);

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

console.log(`Pave benchmarks — ${SERVICES.toLocaleString('en-US')} services\n`);
const setupStarted = Date.now();
const platform = await startPlatformAtScale(SERVICES);
console.log(
  `setup: platform with ${fmt(SERVICES)} services in ${fmt((Date.now() - setupStarted) / 1000, 1)} s\n`,
);
try {
  const sync = await measureInitialSync(platform);
  console.log('initial sync (server → HTTP → validation → SQLite + FTS)');
  console.log(`  rows                 ${fmt(sync.rows)}`);
  console.log(`  time                 ${fmt(sync.initialMs)} ms`);
  console.log(`  throughput           ${fmt(sync.initialRowsPerSecond)} rows/s`);
  console.log(`  raw SQLite upsert    ${fmt(sync.rawMs)} ms (${fmt(sync.rawRowsPerSecond)} rows/s)`);
  console.log(`  ratio to raw         ${fmt(sync.ratioToRaw, 1)}× the raw upsert time`);
  console.log('no-op incremental sync');
  console.log(`  time                 ${fmt(sync.noopMs, 1)} ms`);
} finally {
  await platform.close();
}
await (await import('./surveys-at-scale')).printSurveyBench();
(await import('./backlog-at-scale')).printBacklogBench();
await (await import('./self-service')).printSelfServiceBench();
await (await import('./pipeline')).printPipelineBench();
await (await import('./canary')).printCanaryBench();
await (await import('./metrics')).printMetricsBench();
(await import('./metrics-cache')).printMetricsCacheBench();
