-- Push: offline mutations applied exactly once (DESIGN.md §2–§3), and REST Idempotency-Key.

-- One row per desktop client; its row lock serializes a client's pushes, and last_mutation_id is
-- bumped in the same transaction as each mutation's effect.
CREATE TABLE client_state (
  client_id uuid PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  last_mutation_id bigint NOT NULL DEFAULT 0 CHECK (last_mutation_id >= 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- What each mutation was answered, so a resent one (lost response) gets the same answer again.
CREATE TABLE mutation_results (
  client_id uuid NOT NULL REFERENCES client_state (client_id) ON DELETE CASCADE,
  mutation_id bigint NOT NULL,
  name text NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'rejected')),
  result jsonb,
  reason jsonb,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, mutation_id),
  CHECK ((status = 'rejected') = (reason IS NOT NULL))
);

-- IETF Idempotency-Key draft: one row per (user, key); expires after 24 h.
CREATE TABLE idempotency_keys (
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key text NOT NULL,
  fingerprint text NOT NULL,
  state text NOT NULL CHECK (state IN ('running', 'done')),
  response_status integer,
  response_body text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key),
  CHECK ((state = 'done') = (response_status IS NOT NULL))
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
