import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

/** PostgreSQL's default (scram_iterations) and RFC 7677's minimum. */
export const SCRAM_ITERATIONS = 4096;

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for `password` (RFC 5802 §3, RFC 7677), computed
 * here so CREATE/ALTER ROLE carries `PASSWORD 'SCRAM-SHA-256$…'` and the plain password never
 * appears in DDL text, the server's statement log or pg_stat_activity. PostgreSQL recognises a
 * verifier in that format and stores it as given; a login then proves the password against it.
 * Format: SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey> (base64).
 * @see https://www.postgresql.org/docs/current/auth-password.html
 * @see https://datatracker.ietf.org/doc/html/rfc5802#section-3
 */
export function scramSha256Verifier(
  password: string,
  salt: Buffer = randomBytes(16),
  iterations = SCRAM_ITERATIONS,
): string {
  // SASLprep leaves printable ASCII unchanged; resource passwords are base64url, so no
  // normalization library is needed, and anything else is refused rather than hashed wrongly.
  if (!/^[\x21-\x7e]+$/.test(password)) throw new Error('a SCRAM password must be printable ASCII');
  const saltedPassword = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', saltedPassword).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', saltedPassword).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
