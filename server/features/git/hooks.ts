import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Tells the pre-receive hook to refuse the whole push, with this sentence (see push-access.ts). */
export const REFUSAL_ENV = 'PAVE_PUSH_REFUSAL';
/** Where the post-receive hook writes the refs a push updated (`<old> <new> <ref>` lines). */
export const REPORT_ENV = 'PAVE_PUSH_REPORT';

export const FORCE_PUSH_REFUSED =
  'force-pushing main is refused: main keeps every deployed commit; push a new commit or a revert';
export const DELETE_MAIN_REFUSED = 'deleting main is refused: main keeps every deployed commit';

// Hook output on stderr reaches the pusher as "remote: …" lines through receive-pack's side band.
const preReceive = `#!/bin/sh
# Pave's pre-receive hook, for pushes over the platform's /git routes only (core.hooksPath is set
# in that CGI environment, never in the repositories). Written by server/features/git/hooks.ts.
if [ -n "$${REFUSAL_ENV}" ]; then
  printf 'Pave: %s\\n' "$${REFUSAL_ENV}" >&2
  exit 1
fi
zero=0000000000000000000000000000000000000000
status=0
while read -r old new ref; do
  [ "$ref" = refs/heads/main ] || continue
  if [ "$new" = "$zero" ]; then
    echo 'Pave: ${DELETE_MAIN_REFUSED}' >&2
    status=1
  elif [ "$old" != "$zero" ] && ! git merge-base --is-ancestor "$old" "$new" 2>/dev/null; then
    echo 'Pave: ${FORCE_PUSH_REFUSED}' >&2
    status=1
  fi
done
exit $status
`;

const postReceive = `#!/bin/sh
# Pave's post-receive hook: hands the updated refs to the platform, which records the push and
# tells its listeners (server/features/git/push-report.ts). Written by server/features/git/hooks.ts.
if [ -n "$${REPORT_ENV}" ]; then
  cat > "$${REPORT_ENV}"
fi
exit 0
`;

const hooks: Record<string, string> = { 'pre-receive': preReceive, 'post-receive': postReceive };
const written = new Map<string, Promise<string>>();

async function writeHooks(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const [name, script] of Object.entries(hooks)) {
    const file = path.join(dir, name);
    const current = await readFile(file, 'utf8').catch(() => null);
    if (current !== script) await writeFile(file, script, { mode: 0o755 });
    await chmod(file, 0o755);
  }
  return dir;
}

/**
 * The platform-owned hooks directory (`<dataDir>/git-hooks`), written once per process so an
 * upgraded platform replaces its old hooks. Repositories do not name it: every push through the
 * platform points core.hooksPath at it, so repositories created before this feature are covered.
 */
export function ensureHooks(dataDir: string): Promise<string> {
  const dir = path.join(dataDir, 'git-hooks');
  let done = written.get(dir);
  if (!done) {
    done = writeHooks(dir);
    written.set(dir, done);
    done.catch(() => written.delete(dir));
  }
  return done;
}
