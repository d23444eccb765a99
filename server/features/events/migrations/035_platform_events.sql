-- Platform events (docs/architecture.md, "Numbers"): what the platform did, with timestamps, for
-- DORA, adoption and onboarding. Append-only; each row is also a synced entity.
CREATE TABLE platform_events (
  id text PRIMARY KEY,
  kind text NOT NULL,
  service_id text,
  team_id text,
  environment text,
  actor_id text,
  at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX platform_events_at_idx ON platform_events (at);
CREATE INDEX platform_events_service_idx ON platform_events (service_id, kind, at);
