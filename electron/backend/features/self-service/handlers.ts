import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  AlertRule,
  CanaryDecisionAccepted,
  CostReport,
  LogLine,
  Template,
} from '../../../../shared/features/self-service/api';
import type { selfServiceCommands } from '../../../../shared/features/self-service/ipc';
import type { BackendContext, CommandOf, FeatureHandlers } from '../../composition/backend-feature';
import { IpcError } from '../../ipc/ipc-error';
import { isPlatformError } from '../../platform/platform-error';
import { sleep } from '../../timing/sleep';
import { listAlertRules, listIncidentViews, serviceDeployments } from './queries';
import { cachedTemplates, storeTemplates } from './templates-cache';
import { putAlertRule } from './writers';

type SelfServiceHandlers = FeatureHandlers<CommandOf<typeof selfServiceCommands>>;

// A window that never calls logs:stop (crashed renderer) must not leak streams forever.
const MAX_LOG_STREAMS = 16;
const RECONNECT_MS = 2000;

const CANARY_DECISION = 'A canary decision is time-critical, so it is not queued: it';
const offline = (what: string) =>
  new IpcError('offline', `${what} needs the platform, which is not reachable now. Try again when online.`);

/** Templates, self-service actions (queued offline-first), incidents, cost and live logs. */
export function createSelfServiceHandlers(ctx: BackendContext): SelfServiceHandlers {
  const { db } = ctx;
  const streams = new Map<string, AbortController>();

  const stopStream = (streamId: string) => {
    streams.get(streamId)?.abort();
    streams.delete(streamId);
  };

  const handlers: SelfServiceHandlers['handlers'] = {
    async 'templates:list'() {
      const client = ctx.platform.client();
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
    'services:create': (args) => ctx.enqueue('service.create', args),
    'deployments:list': ({ serviceId }) => serviceDeployments(db, serviceId),
    'deployments:deploy': (args) => ctx.enqueue('service.deploy', args),
    'deployments:rollback': (args) => ctx.enqueue('service.rollback', args),
    async 'deployments:canaryDecide'({ serviceId, environment, decision }) {
      // Never queued: a Promote or Abort applied minutes later, after the window closed or traffic
      // changed, would be a different decision from the one the person took.
      const client = ctx.platform.client();
      if (!client) throw offline(CANARY_DECISION);
      try {
        return CanaryDecisionAccepted.parse(
          await client.write(
            'POST',
            `/v1/services/${encodeURIComponent(serviceId)}/canary/${environment}/${decision}`,
            {},
          ),
        );
      } catch (error) {
        if (isPlatformError(error) && error.code === 'platform_unreachable') throw offline(CANARY_DECISION);
        throw error;
      }
    },
    'incidents:list': () => listIncidentViews(db),
    'alertRules:list': ({ serviceId }) => listAlertRules(db, serviceId),
    async 'alertRules:set'({ serviceId, ...rule }) {
      const client = ctx.platform.client();
      if (!client) throw offline('Changing an alert rule');
      const saved = AlertRule.parse(
        await client.write('POST', `/v1/services/${encodeURIComponent(serviceId)}/alert-rules`, rule),
      );
      // Shown at once; the change log brings the same row again.
      putAlertRule(db, saved);
      ctx.tablesChanged(['alert_rules']);
      return saved;
    },
    async 'cost:get'() {
      const client = ctx.platform.client();
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
          const client = ctx.platform.client();
          try {
            if (client) {
              await client.stream(
                `${path}&tail=${tail}`,
                (event) => {
                  if (event.event !== 'log') return;
                  try {
                    const line = LogLine.safeParse(JSON.parse(event.data));
                    if (line.success) ctx.emit('service:log', { ...line.data, streamId });
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
          await sleep(RECONNECT_MS, controller.signal);
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
