import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import type { Settings } from '../../../shared/ipc/contract';
import { idleSetup, type PlatformSetup } from '../../../shared/ipc/platform-setup';
import type { TokenVault } from '../host/backend-types';
import {
  launchEmbeddedPlatform,
  type EmbeddedPlatform,
  type SpawnPlatform,
} from '../embedded/embedded-platform';
import { IpcError } from '../ipc/ipc-error';
import {
  loadIdentity,
  loadPlatformChoice,
  saveIdentity,
  savedPlatform,
  savePlatformChoice,
  type Identity,
} from '../settings/platform-settings';
import type { SyncEngine } from '../sync/sync-engine';
import { createPlatformClient, platformBaseUrl, type PlatformClient } from '../platform/platform-client';
import { isPlatformError } from '../platform/platform-error';

export interface PlatformConnectionOptions {
  db: Database;
  dataDir: string;
  vault: TokenVault;
  engine: SyncEngine;
  log: (line: string) => void;
  /** From the command line: wins over saved settings for this run, and is not saved. */
  override?: { url: string; token: string };
  /** For tests: the embedded platform's entry script. */
  embeddedEntry?: string;
  spawnPlatform?: SpawnPlatform;
  /** The embedded platform's setup progress, as it changes (the renderer shows it before rows). */
  onSetup?: (setup: PlatformSetup) => void;
}

export interface PlatformConnection {
  /** Connects to the configured platform; the embedded one starts in the background. */
  start(): void;
  /** Called before a manual sync: relaunches an embedded platform that failed or stopped. */
  retryIfFailed(): void;
  settings(): Settings;
  /** The embedded platform's setup as last reported; `idle` when there is nothing to show. */
  setup(): PlatformSetup;
  /** Validates with GET /v1/me BEFORE saving anything, then switches and resyncs. */
  setPlatform(url: string, token: string): Promise<Settings>;
  useEmbedded(): Promise<Settings>;
  close(): Promise<void>;
  /** The client of the platform in use (null while none is connected), for feature reads such as survey results. */
  client(): PlatformClient | null;
}

/** Names the source of the cached rows: switching to another one rebuilds the cache. */
const epochOf = (mode: 'embedded' | 'remote', url?: string) =>
  mode === 'embedded' ? 'embedded' : `remote:${url?.replace(/\/+$/, '')}`;

export function createPlatformConnection(opts: PlatformConnectionOptions): PlatformConnection {
  const { db, engine, log } = opts;
  // Named before start(), which a warm start delays: Settings shows the platform in use at once.
  const chosen = opts.override ? ({ mode: 'remote', url: opts.override.url } as const) : savedPlatform(db);
  let mode: 'embedded' | 'remote' = chosen.mode;
  let platformUrl: string | null = chosen.mode === 'remote' ? platformBaseUrl(chosen.url) : null;
  let identity: Identity | null = loadIdentity(db);
  let embedded: EmbeddedPlatform | null = null;
  let closed = false;
  let inUse: PlatformClient | null = null;
  // Switches run one at a time, so two quick clicks cannot interleave.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => {});
    return run;
  };

  async function signIn(client: PlatformClient): Promise<void> {
    try {
      identity = await client.me();
      saveIdentity(db, identity);
    } catch (err) {
      // The sync status reports the failure; Settings keeps the last known identity.
      log(`platform: cannot read the signed-in user: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  let setup: PlatformSetup = idleSetup;
  const reportSetup = (next: PlatformSetup) => {
    setup = next;
    opts.onSetup?.(next);
  };

  let embeddedFailed = false;
  let autoRestarts = 0;
  const MAX_AUTO_RESTARTS = 3;

  function embeddedFailure(message: string): void {
    embeddedFailed = true;
    log(`platform: ${message}`);
    engine.fail({ code: 'embedded_platform_failed', message });
  }

  function startEmbedded(): void {
    mode = 'embedded';
    platformUrl = null;
    embeddedFailed = false;
    reportSetup(idleSetup);
    const launched = launchEmbeddedPlatform({
      dataDir: join(opts.dataDir, 'platform'),
      log,
      onSetup: (next) => {
        if (embedded === launched && !closed) reportSetup(next);
      },
      ...(opts.embeddedEntry ? { entry: opts.embeddedEntry } : {}),
      ...(opts.spawnPlatform ? { spawn: opts.spawnPlatform } : {}),
    });
    embedded = launched;
    const current = () => embedded === launched && !closed;
    launched.ready.then(
      async ({ url, adminToken }) => {
        if (!current()) return;
        const client = createPlatformClient({ url, token: adminToken });
        platformUrl = client.url;
        // A crash after start: relaunch a few times, then say so instead of retrying a dead port.
        void launched.exited.then(async (how) => {
          if (!current()) return;
          if (autoRestarts >= MAX_AUTO_RESTARTS) {
            embeddedFailure(
              `the embedded platform stopped unexpectedly (${how}) and was not restarted again`,
            );
            return;
          }
          autoRestarts++;
          log(`platform: the embedded platform stopped unexpectedly (${how}); restarting it`);
          await engine.detach();
          if (current()) startEmbedded();
        });
        await signIn(client);
        if (!current()) return;
        inUse = client;
        await engine.setPlatform(client, epochOf('embedded'));
      },
      (err: unknown) => {
        if (current()) embeddedFailure(err instanceof Error ? err.message : String(err));
      },
    );
  }

  async function stopEmbedded(): Promise<void> {
    const running = embedded;
    embedded = null;
    if (running) await running.close();
  }

  async function connectRemote(url: string, token: string): Promise<void> {
    mode = 'remote';
    reportSetup(idleSetup);
    const client = createPlatformClient({ url, token });
    platformUrl = client.url;
    inUse = client;
    await engine.setPlatform(client, epochOf('remote', client.url));
  }

  const settings = (): Settings => ({
    mode,
    platformUrl,
    org: identity?.org ?? null,
    user: identity?.user ?? null,
  });

  return {
    start() {
      const choice = opts.override
        ? ({ mode: 'remote', ...opts.override } as const)
        : loadPlatformChoice(db, opts.vault, log);
      if (choice.mode === 'embedded') {
        startEmbedded();
        return;
      }
      void serial(async () => {
        await connectRemote(choice.url, choice.token);
        await signIn(createPlatformClient({ url: choice.url, token: choice.token }));
      });
    },
    settings,
    setup: () => setup,
    client: () => inUse,
    retryIfFailed() {
      if (closed || mode !== 'embedded' || !embeddedFailed) return;
      autoRestarts = 0;
      void serial(async () => {
        const previous = embedded;
        embedded = null;
        await previous?.close();
        if (!closed && mode === 'embedded') startEmbedded();
      });
    },
    setPlatform: (url, token) =>
      serial(async () => {
        const client = createPlatformClient({ url, token });
        let me: Identity;
        try {
          me = await client.me();
        } catch (err) {
          if (!isPlatformError(err)) throw err;
          if (err.code === 'unauthorized') {
            throw new IpcError(
              'unauthorized',
              `${client.url} did not accept this token. Check it and try again.`,
            );
          }
          if (err.code === 'platform_unreachable') {
            throw new IpcError(
              'platform_unreachable',
              `Cannot reach a Pave platform at ${client.url}: ${err.message}`,
            );
          }
          throw new IpcError(err.code, `${client.url} is not a usable Pave platform: ${err.message}`);
        }
        savePlatformChoice(db, opts.vault, { mode: 'remote', url: client.url, token });
        identity = me;
        saveIdentity(db, me);
        // Detach the embedded platform first so its late "ready" cannot switch us back.
        const previous = embedded;
        embedded = null;
        await connectRemote(client.url, token);
        await previous?.close();
        return settings();
      }),
    useEmbedded: () =>
      serial(async () => {
        savePlatformChoice(db, opts.vault, { mode: 'embedded' });
        if (mode === 'embedded' && embedded && !embeddedFailed) return settings();
        identity = null;
        autoRestarts = 0;
        await engine.detach();
        const previous = embedded;
        embedded = null;
        await previous?.close();
        startEmbedded();
        return settings();
      }),
    async close() {
      closed = true;
      await queue;
      await stopEmbedded();
    },
  };
}
