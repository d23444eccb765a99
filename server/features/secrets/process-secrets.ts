import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type { EnvironmentName } from '../../../shared/features/catalog/api';
import type { Tx } from '../../db/transaction';
import { parseSecretsKey } from '../../process/secrets-key';
import { createSecretStore, type SecretStore } from './store';

let active: SecretStore | null = null;

/** Installs this process's secrets key (the CLI calls it with the data dir's key before serving). */
export function configureSecretsKey(key: Buffer): SecretStore {
  active = createSecretStore(key);
  return active;
}

/**
 * The process's secret store. Without a configured key it uses PAVE_SECRETS_KEY, else a random key
 * held in memory only (in-process test platforms): values then do not survive a process restart,
 * which is why the CLI always configures a persistent key.
 */
export function processSecretStore(): SecretStore {
  if (!active) {
    const fromEnv = process.env.PAVE_SECRETS_KEY;
    active = createSecretStore(fromEnv ? parseSecretsKey(fromEnv) : randomBytes(32));
  }
  return active;
}

/** Decrypted values of a service's secrets in one environment: the runtime injects them at deploy. */
export function readSecretsForDeploy(
  db: Pool | Tx,
  serviceId: string,
  environment: EnvironmentName,
): Promise<Record<string, string>> {
  return processSecretStore().readAll(db, serviceId, environment);
}
