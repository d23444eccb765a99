-- Backstage import and export (issue 14). What a Backstage entity carries and Pave's catalog has
-- no column for is kept here, so an export gives back what was imported.

-- Per service: spec.type, system, relations, labels, annotations other than pave.dev/*, raw links.
CREATE TABLE backstage_service_fields (
  service_id text PRIMARY KEY REFERENCES services (id) ON DELETE CASCADE,
  fields jsonb NOT NULL
);

-- Per team: the Group's spec.type, parent, children, members, profile extras, labels, annotations.
CREATE TABLE backstage_team_fields (
  team_id text PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
  fields jsonb NOT NULL
);

-- Systems and APIs: Pave has no place for them, so they are kept whole and exported back.
CREATE TABLE backstage_entities (
  kind text NOT NULL CHECK (kind IN ('System', 'API')),
  name text NOT NULL,
  entity jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, name)
);

-- An applied import's request (file contents or repository URL), read by its operation's
-- executor: the operation's own input is synced to every client, so it carries only a summary.
CREATE TABLE backstage_import_requests (
  operation_id text PRIMARY KEY,
  request jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
