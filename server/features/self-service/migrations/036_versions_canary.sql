-- Issue 9: published versions (a commit and its built artifact), deployments that name one, and
-- canary releases with the traffic counts of their analysis window.

CREATE TABLE versions (
  id text PRIMARY KEY,
  service_id text NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  -- 1, 2, 3 … per service, assigned under an advisory lock in the publishing transaction.
  number integer NOT NULL CHECK (number >= 1),
  commit_sha text NOT NULL,
  commit_message text NOT NULL DEFAULT '',
  committed_at timestamptz NOT NULL,
  -- A .tar.gz relative to the platform data dir, so a moved data dir keeps working.
  artifact text NOT NULL,
  source text NOT NULL CHECK (source IN ('pipeline', 'deploy')),
  pipeline_run_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (service_id, commit_sha),
  UNIQUE (service_id, number)
);

ALTER TABLE deployments ADD COLUMN version_id text REFERENCES versions (id) ON DELETE SET NULL;

-- The absolute data dir of the platform using this database (written at start), so a repository
-- or an artifact path can be resolved from a transaction alone.
CREATE TABLE platform_data_dir (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  path text NOT NULL
);

CREATE TABLE canary_releases (
  deployment_id text PRIMARY KEY REFERENCES deployments (id) ON DELETE CASCADE,
  service_id text NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  environment text NOT NULL,
  -- The live deployment the canary is compared with.
  stable_deployment_id text REFERENCES deployments (id) ON DELETE SET NULL,
  weight_percent integer NOT NULL CHECK (weight_percent BETWEEN 1 AND 50),
  window_seconds integer NOT NULL CHECK (window_seconds BETWEEN 10 AND 3600),
  status text NOT NULL CHECK (status IN ('starting', 'analysing', 'promoted', 'aborted')),
  -- A person's Promote / Abort, picked up by the running deploy at its next analysis tick.
  requested_decision text CHECK (requested_decision IN ('promote', 'abort')),
  requested_by text,
  started_at timestamptz,
  ends_at timestamptz,
  stable_requests integer NOT NULL DEFAULT 0,
  stable_failures integer NOT NULL DEFAULT 0,
  canary_requests integer NOT NULL DEFAULT 0,
  canary_failures integer NOT NULL DEFAULT 0,
  reason text,
  automatic boolean,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- At most one unfinished canary per service+environment.
CREATE UNIQUE INDEX canary_releases_one_running ON canary_releases (service_id, environment)
  WHERE status IN ('starting', 'analysing');
