import { it } from 'vitest';
import { startTestPlatform } from '../../../harness/platform';

// Found by CI: a platform closed while it was still recovering deployments ended its pool under
// the recovery's query, an unhandled rejection; Vitest fails the run on one, which is the check.
it('closes cleanly while deployments are still being recovered', async () => {
  for (let trial = 0; trial < 3; trial += 1) {
    const platform = await startTestPlatform({ seed: 'none' });
    await platform.close();
  }
});
