-- Pave platform: the catalog, auth, audit and the sync change log.
-- Migrations are never edited once applied (their checksum is verified at start); add a new file instead.

CREATE TABLE server_meta (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  -- A client cursor from another epoch (e.g. a restored or recreated database) must resync.
  epoch text NOT NULL,
  -- Tombstones at or below min_seq may have been pruned; cursors below it must resync.
  min_seq bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO server_meta (epoch) VALUES (gen_random_uuid()::text);

-- One row: its row lock serializes writers, so seq order is commit order.
CREATE TABLE sync_counter (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq bigint NOT NULL
);
INSERT INTO sync_counter (seq) VALUES (0);

-- One row per (entity, id): a fresh client's first sync reads live entities, not the whole history.
CREATE TABLE change_log (
  entity text NOT NULL CHECK (entity IN ('org', 'team', 'user', 'service', 'environment')),
  id text NOT NULL,
  seq bigint NOT NULL UNIQUE,
  op text NOT NULL CHECK (op IN ('put', 'del')),
  data jsonb,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (entity, id),
  CHECK ((op = 'put') = (data IS NOT NULL))
);

CREATE TABLE org (
  id text PRIMARY KEY,
  name text NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE teams (
  id text PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  size integer NOT NULL DEFAULT 0 CHECK (size >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id text PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL,
  role text NOT NULL CHECK (role IN ('engineer', 'lead', 'admin')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE team_members (
  team_id text NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user_idx ON team_members (user_id);

CREATE TABLE services (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  -- RESTRICT: a team that still owns services cannot be deleted (the API answers 409).
  owner_team_id text NOT NULL REFERENCES teams (id) ON DELETE RESTRICT,
  tier smallint NOT NULL CHECK (tier BETWEEN 1 AND 4),
  lifecycle text NOT NULL CHECK (lifecycle IN ('experimental', 'production', 'deprecated')),
  repository_url text,
  tags text[] NOT NULL DEFAULT '{}',
  links jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX services_owner_idx ON services (owner_team_id);

CREATE TABLE environments (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  title text NOT NULL,
  position integer NOT NULL
);

-- Personal access tokens: only the SHA-256 of the token is stored.
CREATE TABLE tokens (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX tokens_user_idx ON tokens (user_id);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id text REFERENCES users (id) ON DELETE SET NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);

-- The three environments every service is promoted through; they sync like any entity.
INSERT INTO environments (id, name, title, position) VALUES
  ('development', 'development', 'Development', 1),
  ('staging', 'staging', 'Staging', 2),
  ('production', 'production', 'Production', 3);
UPDATE sync_counter SET seq = 3;
INSERT INTO change_log (entity, id, seq, op, data)
SELECT 'environment', id, position, 'put',
       jsonb_build_object('id', id, 'name', name, 'title', title, 'position', position)
FROM environments;
