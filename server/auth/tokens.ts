import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { Role } from '../../shared/api/directory';
import type { Tx } from '../db/transaction';

const TOKEN_PREFIX = 'pave_';

/** `pave_` + 32 random bytes: the prefix lets secret scanners recognise a leaked Pave token. */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** Only this hash is stored: a database leak does not leak usable tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Issues a personal access token for `userId` and returns the plaintext (shown exactly once). */
export async function issueToken(
  db: Tx | Pool,
  userId: string,
  name: string,
  expiresAt: Date | null = null,
): Promise<string> {
  return (await createToken(db, userId, name, expiresAt)).token;
}

/** Like issueToken, also answering the new row's id. */
export async function createToken(
  db: Tx | Pool,
  userId: string,
  name: string,
  expiresAt: Date | null,
): Promise<{ id: string; token: string }> {
  const token = generateToken();
  const id = randomUUID();
  await db.query(
    'INSERT INTO tokens (id, user_id, name, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5)',
    [id, userId, name, hashToken(token), expiresAt],
  );
  return { id, token };
}

export interface Principal {
  userId: string;
  role: Role;
  tokenId: string;
  /** Teams the user belongs to, loaded with the token, for team-scoped permission checks. */
  teamIds: string[];
}

/** Why a presented token was refused, each answered 401 with its own code. */
export type TokenRefusal = 'unknown' | 'expired' | 'revoked';

export type TokenCheck = { principal: Principal } | { refused: TokenRefusal };

/** The user behind a token, or why it is refused (unknown, expired or revoked). */
export async function checkToken(pool: Pool, token: string): Promise<TokenCheck> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return { refused: 'unknown' };
  const { rows } = await pool.query<{
    user_id: string;
    role: Role;
    token_id: string;
    stale: boolean;
    revoked: boolean;
    expired: boolean;
    team_ids: string[];
  }>(
    `SELECT t.user_id, u.role, t.id AS token_id,
            ARRAY(SELECT m.team_id FROM team_members m WHERE m.user_id = t.user_id ORDER BY m.team_id) AS team_ids,
            t.revoked_at IS NOT NULL AS revoked,
            (t.expires_at IS NOT NULL AND t.expires_at <= now()) AS expired,
            (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS stale
       FROM tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = $1`,
    [hashToken(token)],
  );
  const row = rows[0];
  if (!row) return { refused: 'unknown' };
  // Revoked first: a token someone revoked stays "revoked" after its expiry passes too.
  if (row.revoked) return { refused: 'revoked' };
  if (row.expired) return { refused: 'expired' };
  // Throttled so a busy client does not turn every read into a write.
  if (row.stale) await pool.query('UPDATE tokens SET last_used_at = now() WHERE id = $1', [row.token_id]);
  return {
    principal: { userId: row.user_id, role: row.role, tokenId: row.token_id, teamIds: row.team_ids },
  };
}

/** The user behind a token, or null when it is unknown, expired or revoked. */
export async function findPrincipal(pool: Pool, token: string): Promise<Principal | null> {
  const check = await checkToken(pool, token);
  return 'principal' in check ? check.principal : null;
}
