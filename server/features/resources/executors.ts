import { z } from 'zod';
import { ResourceKind, ResourceSize } from '../../../shared/features/resources/api';
import { withTransaction } from '../../db/transaction';
import { recordEvent } from '../events/public';
import type { ExecutorRegistry } from '../operations/public';
import { generateSecretValue } from '../secrets/public';
import type { ResourceConfig } from './config';
import { driverFor } from './resource-drivers';
import { getResource, updateResource } from './store';

const ProvisionInput = z.object({ resourceId: z.string(), kind: ResourceKind, size: ResourceSize });
const DeprovisionInput = z.object({ resourceId: z.string() });

/** The executors behind `resource.provision` and `resource.deprovision`. */
export function registerResourceExecutors(registry: ExecutorRegistry, config: ResourceConfig): void {
  registry.registerExecutor('resource.provision', {
    async run(ctx, raw) {
      const input = ProvisionInput.parse(raw);
      const resource = await getResource(ctx.pool, input.resourceId);
      const driver = driverFor(config, resource.kind);
      const password = generateSecretValue();
      ctx.redact(password);
      await ctx.progress(0.1, `creating ${resource.kind} (${resource.size})`);
      const provisioned = await driver.provision(resource, password, (message) => ctx.log(message));
      ctx.signal.throwIfAborted();
      for (const value of Object.values(provisioned.secrets)) ctx.redact(value);
      await ctx.progress(0.8, 'storing credentials as secrets');
      await withTransaction(ctx.pool, async (tx) => {
        for (const [name, value] of Object.entries(provisioned.secrets)) {
          await ctx.secrets.set(
            tx,
            ctx.operation.requestedBy,
            {
              serviceId: resource.serviceId,
              environment: resource.environment,
              name,
              resourceId: resource.id,
            },
            value,
          );
        }
        await updateResource(tx, resource.id, { connection: provisioned.connection });
      });
      await ctx.log(`credentials stored as secrets ${Object.keys(provisioned.secrets).join(', ')}`);
      return { resourceId: resource.id, connection: provisioned.connection };
    },
    async settle(tx, operation) {
      const parsed = ProvisionInput.safeParse(operation.input);
      if (!parsed.success) return;
      const resource = await updateResource(tx, parsed.data.resourceId, {
        status: operation.status === 'succeeded' ? 'ready' : 'failed',
      });
      // Adoption of "database / cache / queue provisioning" counts what was really provisioned.
      if (resource && operation.status === 'succeeded') {
        await recordEvent(tx, {
          kind: 'resource_provisioned',
          serviceId: resource.serviceId,
          environment: resource.environment,
          actorId: operation.requestedBy,
          data: { resourceId: resource.id, kind: resource.kind },
        });
      }
    },
  });

  registry.registerExecutor('resource.deprovision', {
    async run(ctx, raw) {
      const input = DeprovisionInput.parse(raw);
      const resource = await getResource(ctx.pool, input.resourceId);
      const driver = driverFor(config, resource.kind);
      await ctx.progress(0.1, `removing ${resource.kind}`);
      await driver.deprovision(resource, (message) => ctx.log(message));
      await ctx.progress(0.8, 'removing its secrets');
      await withTransaction(ctx.pool, async (tx) => {
        const { rows } = await tx.query<{ name: string }>(
          'SELECT name FROM secrets WHERE resource_id = $1 ORDER BY name',
          [resource.id],
        );
        for (const { name } of rows) {
          await ctx.secrets.remove(
            tx,
            ctx.operation.requestedBy,
            resource.serviceId,
            resource.environment,
            name,
          );
        }
      });
      return { resourceId: resource.id };
    },
    async settle(tx, operation) {
      const parsed = DeprovisionInput.safeParse(operation.input);
      if (!parsed.success) return;
      const status =
        operation.status === 'succeeded' ? 'deleted' : operation.status === 'cancelled' ? 'ready' : 'failed';
      await updateResource(tx, parsed.data.resourceId, { status });
    },
  });
}
