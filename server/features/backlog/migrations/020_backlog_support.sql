-- Issue 4: the platform backlog (items, team demand, model weights) and support intake.

CREATE TABLE backlog_items (
  id text PRIMARY KEY,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  capability text NOT NULL,
  status text NOT NULL CHECK (status IN ('proposed', 'planned', 'in_progress', 'done', 'declined')),
  phase text NOT NULL CHECK (phase IN ('foundation', 'common_needs', 'advanced')),
  strategic_value integer NOT NULL CHECK (strategic_value BETWEEN 0 AND 10),
  impact double precision NOT NULL CHECK (impact BETWEEN 0.25 AND 3),
  confidence integer NOT NULL CHECK (confidence BETWEEN 0 AND 100),
  effort double precision NOT NULL CHECK (effort BETWEEN 0.5 AND 1000),
  time_criticality integer NOT NULL CHECK (time_criticality BETWEEN 0 AND 10),
  risk_reduction integer NOT NULL CHECK (risk_reduction BETWEEN 0 AND 10),
  -- Fractional-index key: compared byte-wise, so always ORDER BY rank COLLATE "C".
  rank text NOT NULL COLLATE "C",
  rank_manual boolean NOT NULL DEFAULT false,
  proposed_by text REFERENCES users (id) ON DELETE SET NULL,
  shipped_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX backlog_items_rank ON backlog_items (rank, id);

-- Demand is set membership, never a counter: adding twice is a no-op, removing twice too.
CREATE TABLE backlog_demand (
  item_id text NOT NULL REFERENCES backlog_items (id) ON DELETE CASCADE,
  team_id text NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  added_by text REFERENCES users (id) ON DELETE SET NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_id, team_id)
);
CREATE INDEX backlog_demand_team ON backlog_demand (team_id);

-- The default model's weights: one row, editable by leads, synced to every client.
CREATE TABLE backlog_weights (
  id text PRIMARY KEY CHECK (id = 'default'),
  demand double precision NOT NULL CHECK (demand >= 0),
  strategy double precision NOT NULL CHECK (strategy >= 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE support_requests (
  id text PRIMARY KEY,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  tier text NOT NULL CHECK (tier IN ('documentation', 'community', 'direct')),
  kind text NOT NULL CHECK (kind IN ('question', 'blocking', 'production')),
  capability text NOT NULL,
  team_id text REFERENCES teams (id) ON DELETE SET NULL,
  requested_by text REFERENCES users (id) ON DELETE SET NULL,
  status text NOT NULL CHECK (status IN ('open', 'answered', 'resolved')),
  first_response_at timestamptz,
  escalated_at timestamptz,
  resolved_at timestamptz,
  resolution text,
  linked_item_id text REFERENCES backlog_items (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX support_requests_created ON support_requests (created_at DESC);
CREATE INDEX support_requests_linked ON support_requests (linked_item_id);

-- Append-only; the client-chosen id makes a replayed reply a no-op.
CREATE TABLE support_replies (
  id uuid PRIMARY KEY,
  request_id text NOT NULL REFERENCES support_requests (id) ON DELETE CASCADE,
  author_id text REFERENCES users (id) ON DELETE SET NULL,
  body text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX support_replies_request ON support_replies (request_id, at);

-- Widen the change log's entity CHECK by adding to whatever list it has now (other migrations add
-- their own entities too; rewriting the list from scratch would drop theirs).
DO $$
DECLARE
  def text;
  names text[];
BEGIN
  SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint
   WHERE conrelid = 'change_log'::regclass AND conname = 'change_log_entity_check';
  IF def IS NOT NULL THEN
    -- The list may read ARRAY['a'::text, ...] (001) or '{a,b}'::text[] (after another widening): take
    -- every quoted chunk and split it on commas, so either form (and a mix) yields the names.
    SELECT array_agg(n) INTO names
      FROM regexp_matches(def, '''([^'']*)''', 'g') AS m,
           unnest(string_to_array(trim(BOTH '{}' FROM m[1]), ',')) AS n;
    names := names || ARRAY['backlog_item', 'backlog_weights', 'support_request'];
    ALTER TABLE change_log DROP CONSTRAINT change_log_entity_check;
    EXECUTE format('ALTER TABLE change_log ADD CONSTRAINT change_log_entity_check CHECK (entity = ANY (%L::text[]))',
      (SELECT array_agg(DISTINCT n ORDER BY n) FROM unnest(names) AS n));
  END IF;
END $$;
