-- Issue 13, findings 6 and 7.
--
-- server_keys: secrets the platform keys its own fingerprints with, created once here from
-- PostgreSQL's strong random source (gen_random_uuid) and never sent anywhere. `idempotency` keys
-- the HMAC stored in idempotency_keys.fingerprint, so a dump of that table cannot be checked
-- against guessed request bodies (a secret PUT's body is the secret).
CREATE TABLE server_keys (
  name text PRIMARY KEY,
  secret bytea NOT NULL CHECK (length(secret) >= 32),
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO server_keys (name, secret)
VALUES ('idempotency', decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

-- Tokens with a lifecycle: an optional expiry (NULL = never), checked at every authentication.
ALTER TABLE tokens ADD COLUMN expires_at timestamptz;
