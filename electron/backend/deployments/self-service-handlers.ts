import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { CostReport, LogLine, type LiveLogLine } from '../../../shared/features/self-service/api';
import { AlertRule } from '../../../shared/features/self-service/api';
import { Template } from '../../../shared/features/self-service/api';
import type { IpcHandlers } from '../ipc/dispatch';
import { IpcError } from '../ipc/ipc-error';
import { enqueue } from '../outbox/enqueue';
import type { LocalMutatorRegistry } from '../outbox/local-mutator';
import type { PlatformConnection } from '../platform/platform-connection';
import { listIncidentViews } from '../incidents/incidents-query';
import { cachedTemplates, storeTemplates } from '../templates/templates-cache';
import { listAlertRules, serviceDeployments } from './deployments-query';
import { putAlertRule } from './self-service-rows';

export type SelfServiceHandlers = Pick<
  IpcHandlers,
  | 'templates:list'
  | 'services:create'
  | 'deployments:list'
  | 'deployments:deploy'
  | 'deployments:rollback'
  | 'incidents:list'
  | 'alertRules:list'
  | 'alertRules:set'
  | 'cost:get'
  | 'logs:follow'
  | 'logs:stop'
>;

export interface SelfServiceHandlerDeps {
  db: Database;
  mutators: LocalMutatorRegistry;
  platform: Pick<PlatformConnection, 'client'>;
  onTablesChanged(tables: string[]): void;
  onLocalChange(): void;
  emitLog(line: LiveLogLine): void;
  now?: () => Date;
}

// A window that never calls logs:stop (crashed renderer) must not leak streams forever.
const MAX_LOG_STREAMS = 16;
const RECONNECT_MS = 2000;

const offline = (what: string) =>
  new IpcError('offline', `${what} needs the platform, which is not reachable now. Try again when online.`);

/** Templates, self-service actions (queued offline-first), incidents, cost and live logs. */
export function createSelfServiceHandlers(deps: SelfServiceHandlerDeps): {
  handlers: SelfServiceHandlers;
  close(): void;
} {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const streams = new Map<string, AbortController>();

  const enqueueAndAnnounce = (name: string, args: unknown) => {
    const { entry, tables } = enqueue(db, deps.mutators, name, args, now());
    deps.onTablesChanged(tables);
    deps.onLocalChange();
    return { mutationId: entry.mutationId };
  };

  const stopStream = (streamId: string) => {
    streams.get(streamId)?.abort();
    streams.delete(streamId);
  };

  const handlers: SelfServiceHandlers = {
    async 'templates:list'() {
      const client = deps.platform.client();
      if (client) {
        try {
          const { items } = await client.get('/v1/templates', z.object({ items: z.array(Template) }));
          storeTemplates(db, items);
          return items;
        } catch (error) {
          // Offline: the last list still renders the form; the create itself is queued.
          const cached = cachedTemplates(db);
          if (cached.length) return cached;
          throw error;
        }
      }
      const cached = cachedTemplates(db);
      if (!cached.length) throw offline('The template list');
      return cached;
    },
    'services:create': (args) => enqueueAndAnnounce('service.create', args),
    'deployments:list': ({ serviceId }) => serviceDeployments(db, serviceId),
    'deployments:deploy': (args) => enqueueAndAnnounce('service.deploy', args),
    'deployments:rollback': (args) => enqueueAndAnnounce('service.rollback', args),
    'incidents:list': () => listIncidentViews(db),
    'alertRules:list': ({ serviceId }) => listAlertRules(db, serviceId),
    async 'alertRules:set'({ serviceId, ...rule }) {
      const client = deps.platform.client();
      if (!client) throw offline('Changing an alert rule');
      const saved = AlertRule.parse(
        await client.write('POST', `/v1/services/${encodeURIComponent(serviceId)}/alert-rules`, rule),
      );
      // Shown at once; the change log brings the same row again.
      putAlertRule(db, saved);
      deps.onTablesChanged(['alert_rules']);
      return saved;
    },
    async 'cost:get'() {
      const client = deps.platform.client();
      if (!client) throw offline('The cost report');
      return client.get('/v1/cost', CostReport);
    },
    'logs:follow'({ serviceId, environment }) {
      const streamId = randomUUID();
      const controller = new AbortController();
      streams.set(streamId, controller);
      while (streams.size > MAX_LOG_STREAMS) stopStream(streams.keys().next().value as string);
      const path = `/v1/services/${encodeURIComponent(serviceId)}/environments/${environment}/logs?follow=1`;
      void (async () => {
        let tail = 200;
        while (!controller.signal.aborted) {
          const client = deps.platform.client();
          try {
            if (client) {
              await client.stream(
                `${path}&tail=${tail}`,
                (event) => {
                  if (event.event !== 'log') return;
                  try {
                    const line = LogLine.safeParse(JSON.parse(event.data));
                    if (line.success) deps.emitLog({ ...line.data, streamId });
                  } catch {
                    // A malformed line is dropped; the stream goes on.
                  }
                },
                { signal: controller.signal },
              );
              // Reconnected streams only need what is new.
              tail = 0;
            }
          } catch {
            // Platform unreachable: retry below, the view keeps what it has.
          }
          if (controller.signal.aborted) break;
          await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
        }
      })();
      return { streamId };
    },
    'logs:stop'({ streamId }) {
      stopStream(streamId);
      return {};
    },
  };
  return {
    handlers,
    close() {
      for (const id of [...streams.keys()]) stopStream(id);
    },
  };
}
