// The build step of pave.yaml: stamps the version into build-info.json, which ships in the
// artifact, so a running version can say which commit it was built from and when.
import { writeFileSync } from 'node:fs';

const info = {
  version: process.env.PAVE_COMMIT_SHA ?? 'local',
  run: process.env.PAVE_RUN_NUMBER ? Number(process.env.PAVE_RUN_NUMBER) : null,
  builtAt: new Date().toISOString(),
  node: process.version,
};
writeFileSync(new URL('./build-info.json', import.meta.url), JSON.stringify(info, null, 2) + '\n');
console.log(`built ${info.version.slice(0, 7)} at ${info.builtAt}`);
