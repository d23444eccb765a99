import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { once } from 'node:events';

/** A child process whose output we scan for the line that says it is ready. */
export interface Running {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
  output(): string;
}

const root = new URL('../../../', import.meta.url).pathname;

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  server.close();
  await once(server, 'close');
  return address.port;
}

/** Runs `node --import tsx <entry> ...args` from the repo root and waits for `pattern` on stdout. */
export async function startTsx(
  entry: string,
  args: string[],
  pattern: RegExp,
  timeoutMs = 90_000,
): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    env: { ...process.env, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${entry} not ready in ${timeoutMs} ms:\n${log}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const match = pattern.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code} before it was ready:\n${log}`));
    });
  });
  return {
    child,
    url,
    output: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The reference platform on a fixed port, so a restart comes back at the same URL. */
export function startPlatform(dataDir: string, port: number): Promise<Running> {
  return startTsx(
    'server/cli.ts',
    ['--data-dir', dataDir, '--port', String(port), '--seed', 'demo'],
    /listening on (http\S+)/,
  );
}

/** Browser mode; without `platform` it starts the embedded default platform itself. */
export function startWeb(dataDir: string, platform?: { url: string; tokenFile: string }): Promise<Running> {
  const args = ['--data-dir', dataDir, '--port', '0'];
  if (platform) args.push('--platform', platform.url, '--token-file', platform.tokenFile);
  return startTsx('electron/web/cli.ts', args, /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/, 150_000);
}
