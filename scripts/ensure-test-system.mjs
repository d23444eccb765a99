// First step of `npm test`: install the Debian packages the tests need when they are missing (as
// root with apt), or stop at once with the one command that would (README: "Two commands").
import { spawnSync } from 'node:child_process';
import { planSystemSetup, TEST_PACKAGES } from './test-system.mjs';

const has = (program) => spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0;

const missing = TEST_PACKAGES.filter((pkg) => !has(pkg.program)).map((pkg) => pkg.name);
const plan = planSystemSetup({
  missing,
  isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
  hasApt: has('apt-get'),
});

if (plan.action === 'stop') {
  console.error(plan.message);
  process.exit(1);
}
if (plan.action === 'install') {
  console.error(`Installing what the tests need: ${missing.join(', ')} …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['apt-get', 'update', '-qq'], plan.command]) {
    const [program, ...rest] = args;
    const result = spawnSync(program, rest, { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(
        `${args.join(' ')} failed (exit ${result.status}); install ${missing.join(' ')} and run npm test again`,
      );
      process.exit(1);
    }
  }
}
