import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { Org, User } from '../../../shared/api/directory';
import { readSetting, writeSetting } from '../cache/settings-store';
import type { TokenVault } from '../host/backend-types';

/** Only the sealed token is ever stored; the plain token lives in memory while in use. */
const StoredPlatform = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('embedded') }),
  z.object({ mode: z.literal('remote'), url: z.string(), sealedToken: z.base64() }),
]);

/** Who we are signed in as, kept so Settings shows it while offline. */
const StoredIdentity = z.object({ org: Org, user: User });
export type Identity = z.infer<typeof StoredIdentity>;

export type PlatformChoice = { mode: 'embedded' } | { mode: 'remote'; url: string; token: string };

const PLATFORM_KEY = 'platform';
const IDENTITY_KEY = 'identity';

/** The saved choice without its token (unsealing may ask the OS keychain): what Settings names. */
export function savedPlatform(db: Database): { mode: 'embedded' } | { mode: 'remote'; url: string } {
  const parsed = StoredPlatform.safeParse(readSetting(db, PLATFORM_KEY));
  if (!parsed.success || parsed.data.mode === 'embedded') return { mode: 'embedded' };
  return { mode: 'remote', url: parsed.data.url };
}

export function loadPlatformChoice(
  db: Database,
  vault: TokenVault,
  log: (line: string) => void,
): PlatformChoice {
  const parsed = StoredPlatform.safeParse(readSetting(db, PLATFORM_KEY));
  if (!parsed.success || parsed.data.mode === 'embedded') return { mode: 'embedded' };
  try {
    return {
      mode: 'remote',
      url: parsed.data.url,
      token: vault.decrypt(Buffer.from(parsed.data.sealedToken, 'base64')),
    };
  } catch (err) {
    // A token sealed by another machine's keychain cannot be opened here; start embedded.
    log(
      `settings: the saved platform token cannot be unsealed (${err instanceof Error ? err.message : String(err)}); using the embedded platform`,
    );
    return { mode: 'embedded' };
  }
}

export function savePlatformChoice(db: Database, vault: TokenVault, choice: PlatformChoice): void {
  writeSetting(
    db,
    PLATFORM_KEY,
    choice.mode === 'embedded'
      ? { mode: 'embedded' }
      : { mode: 'remote', url: choice.url, sealedToken: vault.encrypt(choice.token).toString('base64') },
  );
}

export function loadIdentity(db: Database): Identity | null {
  const parsed = StoredIdentity.safeParse(readSetting(db, IDENTITY_KEY));
  return parsed.success ? parsed.data : null;
}

export function saveIdentity(db: Database, identity: Identity): void {
  writeSetting(db, IDENTITY_KEY, identity);
}
