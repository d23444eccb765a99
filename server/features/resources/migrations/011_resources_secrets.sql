-- Issue 3: provisioned resources (databases, caches, queues) and write-only service secrets.

CREATE TABLE resources (
  id text PRIMARY KEY,
  service_id text NOT NULL REFERENCES services (id) ON DELETE RESTRICT,
  environment text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('postgres', 'cache', 'queue')),
  size text NOT NULL CHECK (size IN ('small', 'medium', 'large')),
  status text NOT NULL CHECK (status IN ('provisioning', 'ready', 'failed', 'deprovisioning', 'deleted')),
  monthly_cost_usd numeric(10, 2) NOT NULL,
  -- Host, port, database/user names, key prefix: everything needed to connect except the password.
  connection jsonb NOT NULL DEFAULT '{}',
  operation_id text REFERENCES operations (id) ON DELETE SET NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX resources_service_idx ON resources (service_id, created_at);

-- Values are AES-256-GCM ciphertext; the key never touches the database.
CREATE TABLE secrets (
  service_id text NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  environment text NOT NULL,
  name text NOT NULL CHECK (name ~ '^[A-Z_][A-Z0-9_]*$'),
  ciphertext bytea NOT NULL,
  iv bytea NOT NULL,
  auth_tag bytea NOT NULL,
  -- Set when a resource owns the value (its credentials): rotation then changes the real password.
  resource_id text REFERENCES resources (id) ON DELETE SET NULL,
  updated_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (service_id, environment, name)
);
