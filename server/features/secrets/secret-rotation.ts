import type { Pool } from 'pg';
import type { EnvironmentName } from '../../../shared/features/catalog/api';
import type { SecretMeta } from '../../../shared/features/secrets/api';
import { writeAudit } from '../../audit/audit-log';
import type { Principal } from '../../auth/tokens';
import { withTransaction } from '../../db/transaction';
import { conflict, notFound } from '../../http/api-error';
import type { ResourceCredentialRotator } from './public';
import { generateSecretValue, type SecretStore } from './store';

/**
 * A new generated value. For a resource's credentials the password is changed on the real system
 * first (ALTER ROLE / ACL SETUSER), then stored: the old password stops working at once.
 */
export async function rotateSecret(
  pool: Pool,
  store: SecretStore,
  rotateResourceCredentials: ResourceCredentialRotator | null,
  principal: Principal,
  target: { serviceId: string; environment: EnvironmentName; name: string },
): Promise<SecretMeta> {
  const meta = await store.get(pool, target.serviceId, target.environment, target.name);
  if (!meta) throw notFound(`secret ${target.name} in ${target.environment}`);
  const password = generateSecretValue();
  let values: Record<string, string> = { [target.name]: password };
  if (meta.resourceId) {
    if (!rotateResourceCredentials) throw conflict(`no feature of this platform rotates ${target.name}`);
    values = await rotateResourceCredentials(meta.resourceId, password);
  }
  return withTransaction(pool, async (tx) => {
    let rotated = meta;
    for (const [name, value] of Object.entries(values)) {
      const saved = await store.set(
        tx,
        principal.userId,
        { serviceId: target.serviceId, environment: target.environment, name, resourceId: meta.resourceId },
        value,
      );
      if (name === target.name) rotated = saved;
    }
    await writeAudit(tx, principal.userId, 'secret.rotate', 'secret', meta.id, {
      resourceId: meta.resourceId,
    });
    return rotated;
  });
}
