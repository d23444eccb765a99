-- Feature flags (issue 9 §5): one row per service, environment and key. A key is unique within its
-- service+environment (a flag named twice is refused with 409 flag_exists).
CREATE TABLE flags (
  id text PRIMARY KEY,
  service_id text NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  environment text NOT NULL CHECK (environment IN ('development', 'staging', 'production')),
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9._-]{0,63}$'),
  description text NOT NULL DEFAULT '',
  enabled boolean NOT NULL DEFAULT false,
  rollout_percent integer NOT NULL DEFAULT 100 CHECK (rollout_percent BETWEEN 0 AND 100),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text REFERENCES users (id) ON DELETE SET NULL,
  UNIQUE (service_id, environment, key)
);

-- Keys running service processes read their flags with: one per process start (the key is only
-- known when issued), stored as sha256. A key reads only its own service+environment. Keys nobody
-- used for a while are pruned when a new one is issued (see server/features/flags/runtime-keys.ts).
CREATE TABLE flag_keys (
  key_hash text PRIMARY KEY,
  service_id text NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  environment text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz
);
CREATE INDEX flag_keys_service_idx ON flag_keys (service_id, environment);
