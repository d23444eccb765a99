import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import type { PlatformApp } from '../../platform/server-feature';
import type { ProcessEnvContribution } from '../self-service/public';
import { issueFlagsKey } from './runtime-keys';

/** How long a process start waits for this server to listen (live versions restart before it does). */
const LISTEN_WAIT_MS = 10_000;

/** Where a process on this machine reaches this server: loopback for a wildcard bind. */
function localUrl({ address, port }: AddressInfo): string {
  if (address === '0.0.0.0' || address === '::') return `http://127.0.0.1:${port}`;
  return address.includes(':') ? `http://[${address}]:${port}` : `http://${address}:${port}`;
}

async function listeningAddress(app: PlatformApp): Promise<AddressInfo | null> {
  if (!app.server.listening) {
    // After a platform restart the live versions start from onReady, before listen() binds.
    await Promise.race([
      once(app.server, 'listening'),
      new Promise((resolve) => setTimeout(resolve, LISTEN_WAIT_MS).unref()),
    ]);
  }
  const address = app.server.address();
  return address && typeof address === 'object' ? address : null;
}

/**
 * What every service process this platform starts gets in its environment (through
 * `app.selfService.processEnv`): where its flags are and a fresh key that reads only them. The
 * processes run on this machine, so the URL is this server's own address at start time. A server
 * that never listens (a test using inject) hands out nothing: the service then runs on its flags'
 * defaults, as it does without Pave.
 */
export function flagsProcessEnv(app: PlatformApp, pool: Pool): ProcessEnvContribution {
  return async (serviceId, environment): Promise<Record<string, string>> => {
    const address = await listeningAddress(app);
    if (!address) return {};
    const key = await issueFlagsKey(pool, serviceId, environment);
    return { PAVE_FLAGS_URL: `${localUrl(address)}/v1/runtime/flags`, PAVE_FLAGS_KEY: key };
  };
}
