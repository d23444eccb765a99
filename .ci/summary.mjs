// Reads the test log and prints one closing line "N passed, N failed, N skipped" summing the
// Vitest and Playwright totals, so CI can tell that tests ran.
import { readFileSync } from 'node:fs';

// eslint-disable-next-line no-control-regex -- strips the terminal colour codes the runners print
const log = readFileSync(process.argv[2], 'utf8').replace(/\u001b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const line of log.split('\n')) {
  const vitest = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line);
  const playwright = /^\s*(\d+) (passed|failed|skipped|flaky)( \(.*\))?\s*$/.exec(line);
  if (vitest) {
    for (const [, n, kind] of vitest[1].matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
      if (kind === 'passed') passed += Number(n);
      else if (kind === 'failed') failed += Number(n);
      else skipped += Number(n);
    }
  } else if (playwright) {
    const n = Number(playwright[1]);
    if (playwright[2] === 'passed') passed += n;
    else if (playwright[2] === 'failed' || playwright[2] === 'flaky') failed += n;
    else skipped += n;
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
