// The secrets feature's public entry (docs/architecture.md, "Features").
export { processSecretStore, readSecretsForDeploy } from './process-secrets';
export { generateSecretValue, type SecretStore } from './store';

/**
 * Sets a new password for the resource behind a managed secret on the real system (ALTER ROLE,
 * ACL SETUSER) and returns the secret values to store. The resources feature provides it.
 */
export type ResourceCredentialRotator = (
  resourceId: string,
  password: string,
) => Promise<Record<string, string>>;

/** This app's secret rotation: another feature plugs in how its resources' credentials rotate. */
export interface SecretRotation {
  resourceCredentials: ResourceCredentialRotator | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    secretRotation: SecretRotation;
  }
}

declare module '../../platform/server-feature' {
  interface PlatformOptions {
    /** The key secret values are sealed with (the CLI's data-dir key); absent = PAVE_SECRETS_KEY or a per-process key. */
    secretsKey?: Buffer;
  }
}
