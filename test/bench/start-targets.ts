import { startPlatformAtScale } from './platform-at-scale';
import { launchChromium, measureStart } from './start-launch';
import { measureMemory } from './start-memory';
import { targetLine } from './targets';

/**
 * The start targets for `npm run bench`: a cold first launch (new data dir, embedded demo
 * platform) and memory at 10,000 services. The first cold launch on a machine also builds the
 * prepared database template (once per set of migrations); the target is the launch after it, the
 * one every later new data dir gets, and the first is printed beside it.
 */
export async function startTargets(print: (line: string) => void): Promise<string[]> {
  const mib = (bytes: number) => Math.round(bytes / (1024 * 1024)).toLocaleString('en-US');
  const browser = await launchChromium();
  try {
    // Each on its own data dir and Chromium profile (start-launch.ts, profileOf).
    const first = await measureStart();
    const second = await measureStart();
    print('start (npm start in browser mode, embedded demo platform, to the first catalog row)');
    print(`  cold, first on this machine   ${Math.round(first.coldMs).toLocaleString('en-US')} ms`);
    print(
      `  cold, new data dir            ${Math.round(second.coldMs).toLocaleString('en-US')} ms (setup progress shown: ${second.coldShowedProgress ? 'yes' : 'no'})`,
    );
    print(`  second launch                 ${Math.round(second.firstWarmMs).toLocaleString('en-US')} ms`);
    print(`  warm (third and later)        ${Math.round(second.warmMs).toLocaleString('en-US')} ms`);
    const lines = [targetLine('cold first launch to rows', second.coldMs, 'ms', 3000)];

    const services = 10_000;
    const platform = await startPlatformAtScale(services);
    try {
      const memory = await measureMemory(browser, platform, services);
      lines.push(
        `memory 10k: backend ${mib(memory.backendRssBytes)} MiB RSS, platform node ${mib(memory.platformRssBytes)} MiB RSS, PostgreSQL ${mib(memory.postgresPssBytes)} MiB PSS`,
      );
    } finally {
      await platform.close();
    }
    return lines;
  } finally {
    await browser.close();
  }
}
