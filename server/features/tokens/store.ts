import type { Pool } from 'pg';
import type { TokenInfo } from '../../../shared/features/tokens/api';
import type { Tx } from '../../db/transaction';

interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
  expired: boolean;
}

// Never the hash: a listing is what a screen shows, and the hash is only for lookup.
const COLUMNS = `id, user_id, name, created_at, last_used_at, expires_at, revoked_at,
  (expires_at IS NOT NULL AND expires_at <= now()) AS expired`;

const toInfo = (row: TokenRow, currentTokenId: string): TokenInfo => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  createdAt: row.created_at.toISOString(),
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  expiresAt: row.expires_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
  status: row.revoked_at ? 'revoked' : row.expired ? 'expired' : 'active',
  current: row.id === currentTokenId,
});

/** One user's tokens, newest first. */
export async function listTokens(
  db: Pool | Tx,
  userId: string,
  currentTokenId: string,
): Promise<TokenInfo[]> {
  const { rows } = await db.query<TokenRow>(
    `SELECT ${COLUMNS} FROM tokens WHERE user_id = $1 ORDER BY created_at DESC, id`,
    [userId],
  );
  return rows.map((row) => toInfo(row, currentTokenId));
}

export async function getToken(db: Pool | Tx, id: string, currentTokenId: string): Promise<TokenInfo | null> {
  const { rows } = await db.query<TokenRow>(`SELECT ${COLUMNS} FROM tokens WHERE id = $1`, [id]);
  return rows[0] ? toInfo(rows[0], currentTokenId) : null;
}

/** Revokes at most once: a revoked token keeps its first revocation time. */
export async function revokeToken(tx: Tx, id: string, currentTokenId: string): Promise<TokenInfo | null> {
  const { rows } = await tx.query<TokenRow>(
    `UPDATE tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING ${COLUMNS}`,
    [id],
  );
  return rows[0] ? toInfo(rows[0], currentTokenId) : null;
}
