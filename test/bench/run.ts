import { measureCatalogReads } from './catalog-reads';
import { measureInitialSync } from './initial-sync';
import { startPlatformAtScale } from './platform-at-scale';
import { measureApp } from './renderer-bench';
import { mib, targetLine } from './targets';

/**
 * `npm run bench`: prints figures, then one `target …` line per goal of the speed work at 20,000
 * services (and 100,000 with PAVE_BENCH_LARGE=1, which takes several minutes more); asserts
 * nothing, because shared machines make timings noisy. Memory is also taken at 10,000.
 */
const sizes = [20_000, ...(process.env.PAVE_BENCH_LARGE === '1' ? [100_000] : [])];
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const targets: string[] = [];

for (const services of sizes) {
  const k = `${services / 1000}k`;
  console.log(`\nPave benchmarks — ${fmt(services)} services\n`);
  const setupStarted = Date.now();
  const platform = await startPlatformAtScale(services);
  console.log(
    `setup: platform with ${fmt(services)} services in ${fmt((Date.now() - setupStarted) / 1000, 1)} s\n`,
  );
  try {
    const sync = await measureInitialSync(platform);
    console.log(
      'initial sync (platform process → HTTP → validation → SQLite + FTS + sort indexes; median of 3)',
    );
    console.log(`  rows                 ${fmt(sync.rows)}`);
    console.log(
      `  time                 ${fmt(sync.initialMs)} ms (${fmt(sync.initialRowsPerSecond)} rows/s)`,
    );
    console.log(
      `  raw floor            ${fmt(sync.rawMs)} ms (${fmt(sync.rawRowsPerSecond)} rows/s): one prepared`,
    );
    console.log(
      '                       upsert into the same cache schema (team names too) + one FTS fill + one',
    );
    console.log('                       facet count, one transaction; checked to hold what the sync holds');
    console.log(`  no-op incremental    ${fmt(sync.noopMs, 1)} ms`);
    targets.push(
      targetLine(`initial sync ${k} / raw floor (${fmt(sync.rawMs)} ms)`, sync.ratioToRaw, '×', 2),
    );
    targets.push(targetLine(`no-op incremental sync ${k}`, sync.noopMs, 'ms', 20));

    const reads = measureCatalogReads(services);
    console.log('catalog:list views (median of 5, each on fresh counts)');
    for (const view of reads.views)
      console.log(`  ${view.name.padEnd(36)} ${fmt(view.ms, 1)} ms, ${fmt(view.bytes)} B`);
    targets.push(targetLine(`slowest catalog view ${k} (${reads.slowestView})`, reads.slowestMs, 'ms', 16));
    targets.push(targetLine(`largest catalog:list answer ${k}`, reads.largestAnswerBytes / 1024, 'KiB', 64));

    {
      const app = await measureApp(platform, services);
      console.log('the app in Chromium (browser mode, real backend and platform)');
      console.log(`  keystroke → table    ${fmt(app.keystrokeMs, 1)} ms (median of ${app.keystrokes})`);
      console.log(`  clear → all rows     ${fmt(app.clearMs, 1)} ms`);
      console.log(`  second launch → rows ${fmt(app.secondLaunchMs)} ms`);
      console.log(`  warm start → rows    ${fmt(app.warmStartMs)} ms (third launch and later)`);
      targets.push(targetLine(`keystroke to table ${k}`, app.keystrokeMs, 'ms', 50));
      targets.push(targetLine(`clear search to all rows ${k}`, app.clearMs, 'ms', 50));
      targets.push(targetLine(`warm start to cached rows ${k}`, app.warmStartMs, 'ms', 1000));
      targets.push(
        `memory ${k}: backend ${fmt(mib(app.backendRssBytes))} MiB RSS, platform node ${fmt(mib(app.platformRssBytes))} MiB RSS, PostgreSQL ${fmt(mib(app.postgresPssBytes))} MiB PSS`,
      );
    }
  } finally {
    await platform.close();
  }
}

// Start (cold first launch, warm) and memory at 10,000: test/bench/start-targets.ts.
console.log('');
targets.push(...(await (await import('./start-targets')).startTargets(console.log)));

console.log('');
for (const line of targets) console.log(line);

if (process.env.PAVE_BENCH_TARGETS_ONLY !== '1') {
  await (await import('./surveys-at-scale')).printSurveyBench();
  (await import('./backlog-at-scale')).printBacklogBench();
  await (await import('./self-service')).printSelfServiceBench();
  await (await import('./pipeline')).printPipelineBench();
  await (await import('./canary')).printCanaryBench();
  await (await import('./metrics')).printMetricsBench();
  (await import('./metrics-cache')).printMetricsCacheBench();
}
