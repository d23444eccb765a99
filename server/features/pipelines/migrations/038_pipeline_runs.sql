-- Issue 9: pipeline runs. One row per run of a service's pave.yaml; the run's live log is its
-- operation's (operation_events). Steps are a jsonb array because they are read and written whole.
CREATE TABLE pipeline_runs (
  id text PRIMARY KEY,
  service_id text NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  operation_id text NOT NULL UNIQUE,
  -- 1, 2, 3 … per service, taken under a per-service advisory lock.
  number integer NOT NULL,
  commit_sha text NOT NULL CHECK (commit_sha ~ '^[0-9a-f]{40}$'),
  commit_message text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  failed_step text,
  error text,
  steps jsonb NOT NULL DEFAULT '[]',
  version_id text,
  deploy_operation_id text,
  requested_by text NOT NULL,
  -- The process group of the step running now (not synced): lets a run failed by the sweeper
  -- after a platform crash kill what that step left behind.
  step_pgid integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (service_id, number)
);
CREATE INDEX pipeline_runs_service_idx ON pipeline_runs (service_id, created_at DESC);
-- Runs of one service go one at a time in order: a run waits for the unfinished ones before it.
CREATE INDEX pipeline_runs_unfinished_idx ON pipeline_runs (service_id, created_at)
  WHERE status IN ('queued', 'running');
