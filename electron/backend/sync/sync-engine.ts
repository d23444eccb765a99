import type { Database } from 'better-sqlite3';
import type { ChangesPage } from '../../../shared/contract';
import type { IpcErrorShape, SyncState, SyncStatus } from '../../../shared/ipc/contract';
import { countPendingChanges } from '../cache/outbox';
import { readSyncState, writeCursor } from '../cache/sync-state';
import type { LocalModel } from '../outbox/local-model';
import { settlePulled } from '../outbox/outbox-store';
import { pushPending } from '../outbox/pusher';
import { needsRebase, rebase } from '../outbox/rebase';
import { absorbIntoShadow, clearShadows, hasShadows } from '../outbox/shadow';
import type { PlatformClient } from '../platform/platform-client';
import { isPlatformError } from '../platform/platform-error';
import { sleep } from '../timing/sleep';
import { backoffDelay, defaultBackoff, type BackoffOptions } from './backoff';
import { createPagingProgress } from './paging-progress';

export interface SyncEngineOptions {
  db: Database;
  /** How pulled rows are written and which optimistic effects rebase re-applies (the features', composed). */
  model: LocalModel;
  onStatus(status: SyncStatus): void;
  onTablesChanged(tables: string[]): void;
  /** Changes per page; the engine loops while the server says `hasMore`. */
  pageLimit?: number;
  /** Fallback pull interval when no poke arrives (SSE can be cut by proxies). */
  periodicPullMs?: number;
  backoff?: BackoffOptions;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface SyncEngine {
  status(): SyncStatus;
  /**
   * Pulls from `client` from now on. `epoch` names the platform; if it differs from the one
   * the cached rows came from, the synced tables are cleared first so another platform's data
   * is never shown as this one's.
   */
  setPlatform(client: PlatformClient, epoch: string): Promise<void>;
  /** Pull now (or right after the running pull); resolves with the resulting status. */
  syncNow(): Promise<SyncStatus>;
  /** The outbox changed (enqueue, confirm, discard): report the count and push soon. */
  localChange(): void;
  /** Stop using the current platform (the next one is still starting): state 'starting'. */
  detach(): Promise<void>;
  /** No platform can be reached at all (e.g. the embedded one failed to start). */
  fail(error: IpcErrorShape): void;
  stop(): Promise<void>;
}

interface Session {
  client: PlatformClient;
  controller: AbortController;
  subscription: Promise<void>;
}

const errorShape = (err: unknown): IpcErrorShape => {
  if (isPlatformError(err)) return { code: err.code, message: err.message };
  return { code: 'sync_failed', message: err instanceof Error ? err.message : String(err) };
};

export function createSyncEngine(opts: SyncEngineOptions): SyncEngine {
  const { db, model } = opts;
  // Large pages: fewer round trips and transactions; 5,000 rows is ~2.5 MB of JSON.
  const pageLimit = opts.pageLimit ?? 5000;
  const periodicPullMs = opts.periodicPullMs ?? 30_000;
  const backoff = opts.backoff ?? defaultBackoff;
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? (() => {});

  let session: Session | null = null;
  let stopped = false;
  let state: SyncState = 'starting';
  let lastError: IpcErrorShape | null = null;
  let nextRetryAt: string | null = null;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let periodicTimer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> | null = null;
  let followUp: Promise<void> | null = null;
  let lastEmitted = '';

  const status = (): SyncStatus => ({
    state,
    lastSyncedAt: readSyncState(db).lastSyncedAt,
    pendingChanges: countPendingChanges(db),
    lastError,
    nextRetryAt,
  });

  function emitStatus(): void {
    if (stopped) return;
    const s = status();
    const key = JSON.stringify(s);
    if (key === lastEmitted) return;
    lastEmitted = key;
    opts.onStatus(s);
  }

  function clearTimers(): void {
    if (retryTimer) clearTimeout(retryTimer);
    if (periodicTimer) clearTimeout(periodicTimer);
    retryTimer = periodicTimer = null;
  }

  /**
   * One page and its cursor in ONE transaction: a crash mid-page leaves the old cursor with
   * the old data, and the page is simply fetched again. `reset` (after a 409) clears the
   * synced tables in the same transaction, so readers never see an empty catalog in between.
   */
  function applyPage(page: ChangesPage, reset: boolean): void {
    const touched = new Set<string>();
    db.transaction(() => {
      if (reset) {
        for (const t of model.entities.clear(db, readSyncState(db).epoch)) touched.add(t);
        clearShadows(db);
      }
      // A row a pending mutation changed keeps its optimistic value: the server's lands in its shadow.
      if (hasShadows(db)) {
        for (const change of page.changes) {
          if (!absorbIntoShadow(db, change)) model.entities.apply(db, change, touched);
        }
      } else {
        model.entities.applyMany(db, page.changes, touched);
      }
      if (needsRebase(db)) rebase(db, model, touched, log);
      writeCursor(db, page.cursor, now().toISOString());
    })();
    if (touched.size) opts.onTablesChanged([...touched].sort());
  }

  async function pull(current: Session): Promise<void> {
    const { client, controller } = current;
    const signal = controller.signal;
    clearTimers();
    state = 'syncing';
    emitStatus();
    try {
      await push(current);
      if (signal.aborted) return;
      const pullStartedAt = now().toISOString();
      let reset = false;
      const progress = createPagingProgress();
      let cursor = readSyncState(db).cursor;
      // Pages are pipelined: the next one is already on its way while this one is written
      // (docs/architecture.md, "Sync and push"). It is asked for with this page's cursor, which
      // is what the cache holds once this page commits; if the write fails, it is dropped.
      let prefetched: Promise<ChangesPage> | null = null;
      for (;;) {
        let page: ChangesPage;
        try {
          page = await (prefetched ?? client.changes(reset ? null : cursor, pageLimit, { signal }));
        } catch (err) {
          prefetched = null;
          if (isPlatformError(err) && err.code === 'resync_required' && !reset) {
            log(`sync: ${err.message}; rebuilding the cache from scratch (the outbox is kept)`);
            reset = true;
            continue;
          }
          throw err;
        }
        prefetched = null;
        if (signal.aborted) return;
        // An empty page that does not advance would loop forever against a misbehaving server.
        // Paging that makes no progress stops with an error (paging-progress.ts). H5 / whoever
        // restructures this loop: keep this check on every page before asking for the next one.
        progress.check(reset ? null : cursor, page);
        const more = page.hasMore;
        if (more) {
          prefetched = client.changes(page.cursor, pageLimit, { signal });
          // Awaited on the next turn; a failure is reported there, or dropped with a failed write.
          prefetched.catch(() => undefined);
          // Lets the request leave before the synchronous write below holds the thread.
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        applyPage(page, reset);
        reset = false;
        cursor = page.cursor;
        if (!more) break;
      }
      settleRound(pullStartedAt);
      failures = 0;
      state = 'online';
      lastError = null;
      nextRetryAt = null;
      emitStatus();
      periodicTimer = setTimeout(() => void requestPull(), periodicPullMs);
    } catch (err) {
      if (signal.aborted || stopped) return;
      const delay = backoffDelay(failures++, backoff);
      state = 'offline';
      lastError = errorShape(err);
      nextRetryAt = new Date(now().getTime() + delay).toISOString();
      log(`sync: ${lastError.code}: ${lastError.message}; retrying in ${Math.round(delay / 100) / 10} s`);
      emitStatus();
      retryTimer = setTimeout(() => void requestPull(), delay);
    }
  }

  /** Rebuilds the optimistic view inside one transaction and announces what it touched. */
  function rebaseNow(before?: () => void): void {
    const touched = new Set<string>();
    db.transaction(() => {
      before?.();
      if (needsRebase(db)) rebase(db, model, touched, log);
    })();
    if (touched.size) opts.onTablesChanged([...touched].sort());
  }

  /** The pull is complete: applied mutations' effects are now server truth, no longer re-applied. */
  function settleRound(pullStartedAt: string): void {
    rebaseNow(() => settlePulled(db, pullStartedAt));
  }

  /**
   * Push before pull, so the pull brings the server's view of what was just applied. Rejections
   * disappear at once (rebase); applied effects stay shown until that pull lands. A whole-request
   * refusal (400/403) is logged and the pull still runs; unreachable → the round fails and backs off.
   */
  async function push(current: Session): Promise<void> {
    if (countPendingChanges(db) === 0) return;
    try {
      await pushPending(db, current.client, { signal: current.controller.signal, now });
    } catch (err) {
      if (!isPlatformError(err) || err.code !== 'platform_rejected') throw err;
      log(`sync: push refused: ${err.message}`);
    } finally {
      // Whatever was answered before a failure is recorded; show it (rejections vanish) at once.
      if (!current.controller.signal.aborted && !stopped) {
        rebaseNow();
        opts.onTablesChanged(['outbox']);
        emitStatus();
      }
    }
  }

  /** Starts a pull, or — while one runs — coalesces every request into ONE follow-up pull. */
  function requestPull(): Promise<void> {
    const current = session;
    if (!current || stopped) return Promise.resolve();
    if (!inFlight) {
      inFlight = pull(current).finally(() => {
        inFlight = null;
      });
      return inFlight;
    }
    followUp ??= inFlight.then(() => {
      followUp = null;
      return requestPull();
    });
    return followUp;
  }

  async function subscribeLoop(client: PlatformClient, signal: AbortSignal): Promise<void> {
    let opened = false;
    let attempt = 0;
    while (!signal.aborted) {
      let open = false;
      try {
        await client.subscribe(() => void requestPull(), {
          signal,
          onOpen: () => {
            attempt = 0;
            open = true;
            // Pokes sent while we were disconnected are lost: catch up once on reconnect.
            if (opened) void requestPull();
            opened = true;
          },
        });
      } catch (err) {
        log(`sync: event stream: ${errorShape(err).message}`);
      }
      if (signal.aborted) return;
      // An open stream that breaks usually means the platform went away: find out now, so the
      // status bar says offline at once rather than at the next periodic pull (30 s).
      if (open) void requestPull();
      await sleep(backoffDelay(attempt++, backoff), signal);
    }
  }

  async function endSession(): Promise<void> {
    const old = session;
    session = null;
    clearTimers();
    if (!old) return;
    old.controller.abort();
    await Promise.allSettled([old.subscription, inFlight, followUp]);
  }

  return {
    status,
    async setPlatform(client, epoch) {
      if (stopped) return;
      await endSession();
      if (readSyncState(db).epoch !== epoch) {
        const tables = db.transaction(() => {
          const cleared = model.entities.clear(db, epoch);
          clearShadows(db);
          return cleared;
        })();
        opts.onTablesChanged(tables);
      }
      failures = 0;
      lastError = null;
      nextRetryAt = null;
      const controller = new AbortController();
      session = { client, controller, subscription: subscribeLoop(client, controller.signal) };
      void requestPull();
    },
    async syncNow() {
      await requestPull();
      return status();
    },
    localChange() {
      emitStatus();
      void requestPull();
    },
    async detach() {
      await endSession();
      state = 'starting';
      lastError = null;
      nextRetryAt = null;
      emitStatus();
    },
    fail(error) {
      void endSession();
      state = 'offline';
      lastError = error;
      nextRetryAt = null;
      emitStatus();
    },
    async stop() {
      stopped = true;
      await endSession();
    },
  };
}
