-- Issue 5: surveys and NPS. The identity of a respondent and their answers live in two tables
-- that share nothing but the survey: survey_receipts says WHO answered (one row per person),
-- survey_responses says WHAT was answered (no user, no time, a random key). Nothing links them.

CREATE TABLE surveys (
  id text PRIMARY KEY,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  kind text NOT NULL CHECK (kind IN ('quarterly', 'custom')),
  quarter text CHECK (quarter ~ '^\d{4}-Q[1-4]$'),
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  questions jsonb NOT NULL,
  audience_team_ids text[] NOT NULL DEFAULT '{}',
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  anonymous boolean NOT NULL DEFAULT true,
  -- k of the anonymity rule; never below 3 (shared/domain/anonymity.ts).
  min_group_size integer NOT NULL DEFAULT 5 CHECK (min_group_size >= 3),
  created_by text REFERENCES users (id) ON DELETE SET NULL,
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_at > opens_at)
);
CREATE INDEX surveys_kind_closes_idx ON surveys (kind, closes_at);

-- Who answered: enforces one response per person. Deliberately no timestamp and no response id.
CREATE TABLE survey_receipts (
  survey_id text NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (survey_id, user_id)
);

-- What was answered: no user id, no timestamp at all, a random (not sequential) key so neither
-- a column nor the key order tells who or when. team_key is the respondent's audience team
-- ('' = none), needed for breakdowns; the server shows it only for groups of at least k.
CREATE TABLE survey_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id text NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
  team_key text NOT NULL,
  answers jsonb NOT NULL
);
CREATE INDEX survey_responses_survey_idx ON survey_responses (survey_id, team_key);

-- Counters updated in the answering transaction, so results over a million responses read a
-- few thousand rows. question_id '*' / value '*' counts respondents.
CREATE TABLE survey_tallies (
  survey_id text NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
  team_key text NOT NULL,
  question_id text NOT NULL,
  value text NOT NULL,
  n bigint NOT NULL CHECK (n >= 0),
  PRIMARY KEY (survey_id, team_key, question_id, value)
);

-- Free-text answers, listed without scanning responses; random keys, read in key order, so the
-- list order is random rather than arrival order.
CREATE TABLE survey_comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id text NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
  team_key text NOT NULL,
  question_id text NOT NULL,
  body text NOT NULL
);
CREATE INDEX survey_comments_question_idx ON survey_comments (survey_id, question_id, id);
CREATE INDEX survey_comments_team_idx ON survey_comments (survey_id, question_id, team_key, id);

-- Widen the change log's entity CHECK without rewriting its list: the new check is the old
-- expression OR entity = 'survey', whatever form other migrations left the old one in.
DO $$
DECLARE
  def text;
BEGIN
  SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint
   WHERE conrelid = 'change_log'::regclass AND conname = 'change_log_entity_check';
  IF def IS NOT NULL THEN
    ALTER TABLE change_log DROP CONSTRAINT change_log_entity_check;
    EXECUTE format('ALTER TABLE change_log ADD CONSTRAINT change_log_entity_check CHECK (%s OR entity = %L)',
      substring(def FROM '^CHECK (.*)$'), 'survey');
  END IF;
END $$;
