import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { EventSourceMessage } from 'eventsource-parser';
import { OperationEvent, isFinished } from '../../../../shared/features/operations/api';
import type { IpcEventPayload } from '../../../../shared/contract';
import type { OperationLog } from '../../../../shared/features/operations/ipc';
import type { PlatformClient } from '../../platform/platform-client';
import { isPlatformError } from '../../platform/platform-error';
import { sleep } from '../../timing/sleep';
import { isLocalId } from './placeholders';
import {
  cachedOperationLog,
  getOperationView,
  lastCachedSeq,
  logComplete,
  storeOperationEvents,
} from './queries';

export interface OperationWatcherDeps {
  db: Database;
  platform: { client(): PlatformClient | null };
  emit(payload: IpcEventPayload<'operation:progress'>): void;
  log(line: string): void;
  /** Wait before reconnecting a broken stream (tests shorten it). */
  reconnectMs?: number;
}

export interface OperationWatcher {
  /** Starts (or joins) the live stream of one operation; returns the id to unwatch with. */
  watch(operationId: string): string;
  unwatch(watchId: string): void;
  /** The cached log after `after`; a finished operation's missing events are fetched first. */
  log(operationId: string, after: number): Promise<OperationLog>;
  /** Number of open platform streams (for leak tests). */
  streamCount(): number;
  close(): void;
}

// A window that never unwatches (a crashed renderer) must not keep streams open forever.
const MAX_WATCHES = 32;
const RECONNECT_MS = 2000;

const eventsPath = (operationId: string, after: number) =>
  `/v1/operations/${encodeURIComponent(operationId)}/events?after=${after}`;

/**
 * Live operation logs (docs/architecture.md, "Operations"): forwards the platform's `GET /v1/operations/:id/events` SSE
 * as `operation:progress` events while someone watches. Events are cached as they arrive, so a
 * reconnect resumes with `after=` the last stored seq and the log reads offline afterwards. One
 * stream per operation however many watchers; it ends at the final status, on the last unwatch,
 * or when the watch cap evicts the oldest.
 */
export function createOperationWatcher(deps: OperationWatcherDeps): OperationWatcher {
  const { db } = deps;
  const reconnectMs = deps.reconnectMs ?? RECONNECT_MS;
  const watches = new Map<string, string>(); // watchId → operationId
  const streams = new Map<string, AbortController>(); // operationId → its stream

  const receive = (operationId: string) => (message: EventSourceMessage) => {
    if (message.event !== 'operation') return;
    let parsed: ReturnType<typeof OperationEvent.safeParse>;
    try {
      parsed = OperationEvent.safeParse(JSON.parse(message.data));
    } catch {
      return; // A malformed line is dropped; the stream goes on.
    }
    if (!parsed.success || parsed.data.operationId !== operationId) return;
    for (const event of storeOperationEvents(db, [parsed.data])) deps.emit({ operationId, event });
  };

  async function follow(operationId: string, controller: AbortController): Promise<void> {
    const { signal } = controller;
    while (!signal.aborted && !logComplete(db, operationId)) {
      const client = deps.platform.client();
      try {
        if (client) {
          await client.stream(eventsPath(operationId, lastCachedSeq(db, operationId)), receive(operationId), {
            signal,
          });
        }
      } catch (err) {
        // The platform refused (no such operation, no access): retrying will not help.
        if (isPlatformError(err) && err.code !== 'platform_unreachable') {
          deps.log(`operation ${operationId}: live log unavailable: ${err.message}`);
          break;
        }
      }
      if (signal.aborted || logComplete(db, operationId)) break;
      await sleep(reconnectMs, signal);
    }
    if (streams.get(operationId) === controller) streams.delete(operationId);
  }

  const stopStreamIfUnwatched = (operationId: string) => {
    if ([...watches.values()].includes(operationId)) return;
    streams.get(operationId)?.abort();
    streams.delete(operationId);
  };

  return {
    watch(operationId) {
      const watchId = randomUUID();
      watches.set(watchId, operationId);
      while (watches.size > MAX_WATCHES) {
        const [oldest, op] = watches.entries().next().value as [string, string];
        watches.delete(oldest);
        stopStreamIfUnwatched(op);
      }
      // A placeholder is not on the platform yet; its real operation gets its own watch.
      if (!isLocalId(operationId) && !streams.has(operationId) && !logComplete(db, operationId)) {
        const controller = new AbortController();
        streams.set(operationId, controller);
        void follow(operationId, controller);
      }
      return watchId;
    },
    unwatch(watchId) {
      const operationId = watches.get(watchId);
      if (operationId === undefined) return;
      watches.delete(watchId);
      stopStreamIfUnwatched(operationId);
    },
    async log(operationId, after) {
      const operation = getOperationView(db, operationId);
      const client = deps.platform.client();
      // A finished operation's stream ends after its final event, so reading it to the end is a
      // bounded fetch; a running one is followed live through watch() instead.
      if (
        client &&
        operation &&
        !operation.local &&
        isFinished(operation.status) &&
        !logComplete(db, operationId) &&
        !streams.has(operationId)
      ) {
        try {
          await client.stream(eventsPath(operationId, lastCachedSeq(db, operationId)), receive(operationId));
        } catch (err) {
          // Offline: answer what the cache has; `complete: false` tells the view there is more.
          deps.log(
            `operation ${operationId}: log fetch failed: ${err instanceof Error ? err.message : String(err)}`,
          );
        }
      }
      return cachedOperationLog(db, operationId, after);
    },
    streamCount: () => streams.size,
    close() {
      watches.clear();
      for (const controller of streams.values()) controller.abort();
      streams.clear();
    },
  };
}
