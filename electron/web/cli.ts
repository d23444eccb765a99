import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Backend } from '../backend/host/backend-types';
import { backendWhenOpen } from './backend-when-open';
import { readRememberedPort, rememberPort } from './remembered-port';
import { assertRendererBuilt, startWebServer } from './web-server';

/**
 * `npm run web -- --data-dir DIR --port PORT [--platform URL --token-file FILE]`
 * Browser mode: the desktop backend plus the renderer on http://127.0.0.1, for machines without the
 * Electron runtime and for the Playwright suite.
 */

const usage =
  'Usage: npm run web -- [--data-dir DIR] [--port PORT] [--platform URL --token-file FILE]\n' +
  '  --data-dir    cache, settings and the embedded platform (default: .pave-data)\n' +
  "  --port        0 picks a free port (default: the data dir's last port if free, else any)\n" +
  '  --platform    a platform API URL instead of the embedded default; needs --token-file\n' +
  'Environment: PAVE_RENDERER_DIR serves another renderer build than dist/renderer.';

const Args = z
  .object({
    'data-dir': z.string().min(1).default('.pave-data'),
    port: z.coerce.number().int().min(0).max(65535).optional(),
    platform: z.url({ protocol: /^https?$/ }).optional(),
    'token-file': z.string().min(1).optional(),
    help: z.boolean().optional(),
  })
  .refine((args) => (args.platform === undefined) === (args['token-file'] === undefined), {
    message: '--platform and --token-file go together',
  });

const rendererDir = resolve(
  process.env.PAVE_RENDERER_DIR ?? resolve(import.meta.dirname, '../../dist/renderer'),
);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      platform: { type: 'string' },
      'token-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const parsed = Args.safeParse(values);
  if (!parsed.success) fail(`${z.prettifyError(parsed.error)}\n${usage}`);
  const args = parsed.data;
  if (args.help) {
    console.log(usage);
    return;
  }

  // Fail before starting PostgreSQL when there is nothing to serve.
  assertRendererBuilt(rendererDir);

  const dataDir = resolve(args['data-dir']);
  const platform = args.platform
    ? { url: args.platform, token: await readToken(args['token-file']) }
    : undefined;
  const log = (line: string) => console.error(line);

  // Listen and print the URL before the backend opens (issue 12, "Start in a second"): the page's
  // HTML and scripts need no backend, so Chromium loads and runs them while the cache opens, and
  // IPC requests wait for it (backend-when-open.ts). The backend's code is imported here, not at
  // the top, so that in the bundle its modules initialise after the server listens.
  let openBackend: (backend: Promise<Backend>) => void = () => undefined;
  const backend = backendWhenOpen(new Promise<Backend>((resolve) => (openBackend = resolve)));
  const server = await startWebServer({
    backend,
    port: args.port ?? 0,
    ...(args.port === undefined ? { preferredPort: readRememberedPort(dataDir) } : {}),
    rendererDir,
  });
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping Pave…`);
    try {
      await server.close();
      // Stops sync and the embedded platform (PostgreSQL) before we exit; a backend still
      // opening is closed once it has opened.
      await backend.close();
      process.exit(0);
    } catch (error) {
      fail(`Pave did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
  // Only now: whoever reads the URL may stop us at once, and must find the handlers in place.
  console.log(`Pave (browser mode) at ${server.url}`);

  const opening = (async () => {
    const [{ createBackend }, { createKeyFileVault }] = await Promise.all([
      import('../backend/create-backend'),
      import('../backend/settings/key-file-vault'),
    ]);
    return createBackend({
      dataDir,
      vault: createKeyFileVault(dataDir),
      log,
      ...(platform ? { platform } : {}),
    });
  })();
  openBackend(opening);
  try {
    await opening;
  } catch (error) {
    await server.close();
    throw error;
  }
  // createBackend made the data dir (owner-only); the next launch tries this port first.
  if (args.port === undefined) rememberPort(dataDir, server.port);
}

async function readToken(file: string | undefined): Promise<string> {
  if (file === undefined) return fail('--platform needs --token-file');
  try {
    const token = (await readFile(file, 'utf8')).trim();
    if (token === '') fail(`The token file ${file} is empty.`);
    return token;
  } catch (error) {
    return fail(
      `Cannot read the token file ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
