import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Operation } from '../../../shared/features/operations/api';
import { expect, type PlatformHandle } from './fixtures';

/**
 * An engineer of the platform's first team with a token of their own, written to a file for
 * browser mode (`startWeb(…, { tokenFile })`): the app and the git CLI both sign in with it.
 */
export async function engineerOfFirstTeam(
  platform: PlatformHandle,
  dataDir: string,
  person: { name: string; email: string },
): Promise<{ teamId: string; token: string; tokenFile: string }> {
  const { items: teams } = await platform.api<{ items: { id: string }[] }>('GET', '/v1/teams');
  const teamId = teams[0]?.id ?? '';
  const user = await platform.api<{ id: string }>('POST', '/v1/users', {
    ...person,
    role: 'engineer',
    teamIds: [teamId],
  });
  const { token } = await platform.api<{ token: string }>('POST', `/v1/users/${user.id}/tokens`, {
    name: 'e2e',
  });
  const tokenFile = join(dataDir, 'engineer-token');
  await writeFile(tokenFile, `${token}\n`);
  return { teamId, token, tokenFile };
}

/** Waits for an operation (set-up through the API, not under test) to succeed and returns it. */
export async function succeeded(
  platform: PlatformHandle,
  operationId: string,
  timeout = 120_000,
): Promise<Operation> {
  await expect
    .poll(async () => (await platform.api<Operation>('GET', `/v1/operations/${operationId}`)).status, {
      timeout,
    })
    .toBe('succeeded');
  return platform.api<Operation>('GET', `/v1/operations/${operationId}`);
}
