-- Issue 3: server jobs (operations) and their event streams.

CREATE TABLE operations (
  id text PRIMARY KEY,
  kind text NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  service_id text,
  environment text,
  requested_by text NOT NULL,
  idempotency_key text,
  input jsonb NOT NULL DEFAULT '{}',
  result jsonb,
  error jsonb,
  progress double precision NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
  step text,
  -- Per-operation event counter: operation_events.seq is taken from it under the row lock.
  last_event_seq integer NOT NULL DEFAULT 0,
  -- A running job's lease: its worker extends it while alive; an expired lease means the worker died.
  lease_owner text,
  lease_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Creating again with the same key returns the existing operation (REST Idempotency-Key, mutation ids).
CREATE UNIQUE INDEX operations_idempotency_key ON operations (requested_by, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
CREATE INDEX operations_queued_idx ON operations (created_at) WHERE status = 'queued';
CREATE INDEX operations_running_idx ON operations (lease_until) WHERE status = 'running';
CREATE INDEX operations_service_idx ON operations (service_id, created_at DESC);

CREATE TABLE operation_events (
  operation_id text NOT NULL REFERENCES operations (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  type text NOT NULL CHECK (type IN ('log', 'progress', 'status')),
  level text NOT NULL DEFAULT 'info' CHECK (level IN ('info', 'warn', 'error')),
  message text NOT NULL,
  progress double precision,
  status text,
  PRIMARY KEY (operation_id, seq)
);

-- Widen the change log's entity CHECK by adding to whatever list it has now (other migrations add
-- their own entities too; rewriting the list from scratch would drop theirs). The new constraint is
-- written as ARRAY['a'::text, …] so the next migration can parse it the same way; the regex also
-- accepts the '{a,b}'::text[] form.
DO $$
DECLARE
  def text;
  names text[];
BEGIN
  SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint
   WHERE conrelid = 'change_log'::regclass AND conname = 'change_log_entity_check';
  IF def IS NOT NULL THEN
    SELECT array_agg(m[1]) INTO names FROM regexp_matches(def, '[''{,]([a-z_]+)(?=[''},])', 'g') AS m;
    names := coalesce(names, ARRAY[]::text[]) || ARRAY['operation', 'resource', 'secret'];
    ALTER TABLE change_log DROP CONSTRAINT change_log_entity_check;
    EXECUTE 'ALTER TABLE change_log ADD CONSTRAINT change_log_entity_check CHECK (entity = ANY (ARRAY['
      || (SELECT string_agg(quote_literal(n), ', ' ORDER BY n) FROM (SELECT DISTINCT n FROM unnest(names) AS n) AS d)
      || ']::text[]))';
  END IF;
END $$;
