import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's Chromium: Playwright's own browser download is not reachable on our machines.
const systemChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test',
  testMatch: ['e2e/**/*.spec.ts', 'electron-app/**/*.spec.ts'],
  // Each test starts its own platform (embedded PostgreSQL), browser-mode backend and Chromium:
  // on a 2-core CI machine one test at a time keeps timings far from the limits.
  workers: process.env.CI ? 1 : 2,
  fullyParallel: true,
  retries: 0,
  timeout: 120_000,
  // Waits are on app signals, so a generous limit costs nothing when things go well.
  expect: { timeout: 60_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
