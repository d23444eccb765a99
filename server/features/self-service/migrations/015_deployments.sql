-- Issue 3 (part B): platform-owned repositories, deployments on the local runtime, health, alert
-- rules and incidents.

-- The git repository a template rendered for a service (a bare repo in the platform data dir).
CREATE TABLE service_repositories (
  service_id text PRIMARY KEY REFERENCES services (id) ON DELETE CASCADE,
  template_id text NOT NULL,
  -- Relative to the data dir, so a moved data dir keeps working.
  path text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One stable port per service+environment: the platform's reverse proxy listens there and points at
-- the live deployment. Kept across restarts so callers' URLs never change.
CREATE TABLE service_routes (
  service_id text NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  environment text NOT NULL,
  port integer NOT NULL UNIQUE,
  PRIMARY KEY (service_id, environment)
);

CREATE TABLE deployments (
  id text PRIMARY KEY,
  service_id text NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  environment text NOT NULL,
  version text NOT NULL,
  commit_message text NOT NULL DEFAULT '',
  committed_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN
    ('pending', 'deploying', 'live', 'superseded', 'failed', 'rolled_back', 'stopped')),
  health text NOT NULL DEFAULT 'unknown' CHECK (health IN ('unknown', 'healthy', 'unhealthy')),
  health_checked_at timestamptz,
  -- Since when the health check has failed without a pass; alert rules measure from here.
  unhealthy_since timestamptz,
  findings jsonb NOT NULL DEFAULT '[]',
  previous_deployment_id text REFERENCES deployments (id) ON DELETE SET NULL,
  rolled_back_from_id text REFERENCES deployments (id) ON DELETE SET NULL,
  operation_id text,
  requested_by text NOT NULL,
  error text,
  -- The version's own port while its process runs (not synced: callers use the stable port).
  instance_port integer,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deployments_env_idx ON deployments (service_id, environment, started_at DESC);
-- At most one live deployment per service+environment.
CREATE UNIQUE INDEX deployments_one_live ON deployments (service_id, environment) WHERE status = 'live';

CREATE TABLE alert_rules (
  id text PRIMARY KEY,
  service_id text NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  environment text NOT NULL,
  unhealthy_seconds integer NOT NULL CHECK (unhealthy_seconds BETWEEN 1 AND 86400),
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (service_id, environment)
);

CREATE TABLE incidents (
  id text PRIMARY KEY,
  service_id text NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  environment text NOT NULL,
  alert_rule_id text REFERENCES alert_rules (id) ON DELETE SET NULL,
  deployment_id text REFERENCES deployments (id) ON DELETE SET NULL,
  title text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'resolved')),
  opened_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz
);
-- One open incident per service+environment: a flapping check extends it instead of opening more.
CREATE UNIQUE INDEX incidents_one_open ON incidents (service_id, environment) WHERE status = 'open';

-- Widen the change log's entity CHECK by adding to whatever list it has now (see 010_operations.sql).
DO $$
DECLARE
  def text;
  names text[];
BEGIN
  SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint
   WHERE conrelid = 'change_log'::regclass AND conname = 'change_log_entity_check';
  IF def IS NOT NULL THEN
    -- After an earlier widening the list is an array literal ('{a,b}'::text[]), not quoted names:
    -- take every word and drop the SQL ones.
    SELECT array_agg(m[1]) INTO names FROM regexp_matches(def, '([a-z_.]+)', 'g') AS m
     WHERE m[1] NOT IN ('check', 'entity', 'any', 'array', 'text');
    names := names || ARRAY['deployment', 'alert_rule', 'incident'];
    ALTER TABLE change_log DROP CONSTRAINT change_log_entity_check;
    EXECUTE format('ALTER TABLE change_log ADD CONSTRAINT change_log_entity_check CHECK (entity = ANY (%L::text[]))',
      (SELECT array_agg(DISTINCT n ORDER BY n) FROM unnest(names) AS n));
  END IF;
END $$;
