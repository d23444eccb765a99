-- Issue 10: delivery metrics (docs/architecture.md, "Numbers").
--
-- DORA over 500,000 deployments has to answer in under 100 ms, and a change failure depends on
-- what happened after a deploy (a rollback, an incident, a failed deploy before the next one), so
-- classifying at read time means a window over every deploy of the range on each request. Instead
-- each production deploy and incident becomes one fact row, classified when it is written:
-- triggers on platform_events (every writer, recordEvent or a bulk seed, is covered without
-- touching its code) and on the imported history tables fill the facts, and a trigger on the
-- facts re-classifies only the rows a new fact can change (24 h either side, see
-- metrics_reclassify). A range query is then counts and medians over an index range.
-- The definitions are shared/domain/metrics/deploy-timeline.ts; a test checks both agree.

CREATE TABLE metrics_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  -- Null: the org's first platform event.
  launch_date timestamptz,
  adoption_days integer NOT NULL DEFAULT 30 CHECK (adoption_days BETWEEN 1 AND 365),
  -- Null: Pave's defaults (shared/domain/metrics/roi.ts), so they can improve with the code.
  roi jsonb,
  updated_by text REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO metrics_settings DEFAULT VALUES;

-- One row per import call that wrote something: which file went in, by whom.
CREATE TABLE metric_imports (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('deployments', 'incidents')),
  imported_by text REFERENCES users (id) ON DELETE SET NULL,
  accepted integer NOT NULL,
  duplicates integer NOT NULL,
  refused integer NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);

-- History from before the platform. The natural key makes a re-import change nothing. A row
-- without an import came from the demo seed.
CREATE TABLE imported_deployments (
  id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  import_id text REFERENCES metric_imports (id) ON DELETE CASCADE,
  service_id text NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  environment text NOT NULL,
  commit_sha text NOT NULL,
  committed_at timestamptz,
  deployed_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('success', 'failure')),
  UNIQUE (service_id, environment, deployed_at, commit_sha)
);

CREATE TABLE imported_incidents (
  id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  import_id text REFERENCES metric_imports (id) ON DELETE CASCADE,
  service_id text NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  title text NOT NULL DEFAULT '',
  opened_at timestamptz NOT NULL,
  resolved_at timestamptz CHECK (resolved_at >= opened_at),
  UNIQUE (service_id, opened_at)
);

-- Production deploys, one row each: a deployment (went live), a failed deploy, or a rollback that
-- went live. Instants are kept to the millisecond, as the desktop and the pure functions see them.
CREATE TABLE delivery_facts (
  id text PRIMARY KEY, -- 'event:<platform event id>' or 'import:<imported deployment id>'
  source text NOT NULL CHECK (source IN ('platform', 'import')),
  service_id text NOT NULL,
  team_id text,
  kind text NOT NULL CHECK (kind IN ('deployment', 'failed', 'rollback')),
  at timestamptz NOT NULL,
  committed_at timestamptz,
  lead_seconds double precision GENERATED ALWAYS AS (
    CASE WHEN kind = 'deployment' AND committed_at <= at
      THEN extract(epoch FROM at - committed_at)::double precision END
  ) STORED,
  -- Deployments: a rollback, incident or failed deploy before the next deployment, within 24 h.
  change_failure boolean NOT NULL DEFAULT false,
  -- Deployments: within 24 h after a failed deployment (change failure or failed deploy).
  rework boolean NOT NULL DEFAULT false,
  -- Failed deploys: the service's next deploy that went live (deployment or rollback).
  recovered_at timestamptz,
  recovery_seconds double precision GENERATED ALWAYS AS (
    CASE WHEN kind = 'failed' THEN extract(epoch FROM recovered_at - at)::double precision END
  ) STORED
);
-- Classification looks around one service's instant; range reads scan (scope, at) index-only.
CREATE INDEX delivery_facts_service_at ON delivery_facts (service_id, kind, at);
CREATE INDEX delivery_facts_at ON delivery_facts (at)
  INCLUDE (kind, lead_seconds, change_failure, rework, recovered_at);
CREATE INDEX delivery_facts_team_at ON delivery_facts (team_id, at)
  INCLUDE (kind, lead_seconds, change_failure, rework, recovered_at);

-- Production incidents (platform incidents opened in production, imported incidents).
CREATE TABLE incident_facts (
  id text PRIMARY KEY, -- 'event:<incident id>' or 'import:<imported incident id>'
  source text NOT NULL CHECK (source IN ('platform', 'import')),
  service_id text NOT NULL,
  team_id text,
  opened_at timestamptz NOT NULL,
  resolved_at timestamptz,
  recovery_seconds double precision GENERATED ALWAYS AS (
    CASE WHEN resolved_at >= opened_at THEN extract(epoch FROM resolved_at - opened_at)::double precision END
  ) STORED
);
CREATE INDEX incident_facts_service_at ON incident_facts (service_id, opened_at);
CREATE INDEX incident_facts_at ON incident_facts (opened_at) INCLUDE (resolved_at);
CREATE INDEX incident_facts_team_at ON incident_facts (team_id, opened_at) INCLUDE (resolved_at);

-- Medians without sorting the range: walk a narrow value-ordered index to the middle (the count
-- comes from the daily counters), skipping rows outside the range. Narrow matters: the walk reads
-- half the index.
CREATE INDEX delivery_facts_lead ON delivery_facts (lead_seconds, at) WHERE lead_seconds IS NOT NULL;
CREATE INDEX delivery_facts_team_lead ON delivery_facts (team_id, lead_seconds, at)
  WHERE lead_seconds IS NOT NULL;
CREATE INDEX delivery_facts_recovery ON delivery_facts (recovery_seconds, at)
  WHERE recovery_seconds IS NOT NULL;
CREATE INDEX delivery_facts_team_recovery ON delivery_facts (team_id, recovery_seconds, at)
  WHERE recovery_seconds IS NOT NULL;
CREATE INDEX incident_facts_recovery ON incident_facts (recovery_seconds, opened_at)
  WHERE recovery_seconds IS NOT NULL;
CREATE INDEX incident_facts_team_recovery ON incident_facts (team_id, recovery_seconds, opened_at)
  WHERE recovery_seconds IS NOT NULL;

-- Counters per team and UTC day ('' = no team), kept by triggers on the facts and the events: a
-- year of the org reads a few thousand rows, and only a range's partial first and last days are
-- counted from the facts themselves.
CREATE TABLE delivery_daily (
  team_id text NOT NULL,
  day date NOT NULL,
  deployments integer NOT NULL DEFAULT 0,
  rollbacks integer NOT NULL DEFAULT 0,
  change_failures integer NOT NULL DEFAULT 0,
  reworked integer NOT NULL DEFAULT 0,
  lead_samples integer NOT NULL DEFAULT 0,
  -- Failed deploys recovered (by the failed deploy's day) and incidents resolved (by opening day).
  recoveries integer NOT NULL DEFAULT 0,
  incidents integer NOT NULL DEFAULT 0,
  PRIMARY KEY (team_id, day)
);
CREATE TABLE capability_daily (
  team_id text NOT NULL,
  day date NOT NULL,
  capability text NOT NULL,
  uses integer NOT NULL,
  PRIMARY KEY (team_id, day, capability)
);

-- Adoption and per-team launch dates read events by team and time.
CREATE INDEX platform_events_team_at_idx ON platform_events (team_id, at);

-- Which platform event is a use of which capability: shared/domain/metrics/capabilities.ts's
-- table, in SQL (inlined by the planner).
CREATE FUNCTION metrics_capability(kind text, data jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE kind
    WHEN 'pipeline_run' THEN 'ci_cd'
    WHEN 'service_created' THEN CASE WHEN jsonb_typeof(data->'templateId') = 'string' THEN 'templates' END
    WHEN 'incident_opened' THEN 'observability'
    WHEN 'resource_provisioned' THEN CASE data->>'kind'
      WHEN 'postgres' THEN 'db_provisioning' WHEN 'cache' THEN 'cache' WHEN 'queue' THEN 'queue' END
    WHEN 'flag_changed' THEN 'feature_flags'
    WHEN 'deploy' THEN CASE WHEN data->'canary' = 'true'::jsonb THEN 'canary' END
    WHEN 'canary_decision' THEN 'canary'
  END
$$;

CREATE FUNCTION metrics_add_delivery(r delivery_facts, sign integer) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO delivery_daily AS t
    (team_id, day, deployments, rollbacks, change_failures, reworked, lead_samples, recoveries)
  VALUES (COALESCE(r.team_id, ''), (r.at AT TIME ZONE 'UTC')::date,
          sign * (r.kind = 'deployment')::int, sign * (r.kind = 'rollback')::int,
          sign * (r.kind = 'deployment' AND r.change_failure)::int,
          sign * (r.kind = 'deployment' AND r.rework)::int,
          sign * (r.lead_seconds IS NOT NULL)::int, sign * (r.recovery_seconds IS NOT NULL)::int)
  ON CONFLICT (team_id, day) DO UPDATE SET
    deployments = t.deployments + EXCLUDED.deployments, rollbacks = t.rollbacks + EXCLUDED.rollbacks,
    change_failures = t.change_failures + EXCLUDED.change_failures, reworked = t.reworked + EXCLUDED.reworked,
    lead_samples = t.lead_samples + EXCLUDED.lead_samples, recoveries = t.recoveries + EXCLUDED.recoveries
$$;

CREATE FUNCTION metrics_add_incident(r incident_facts, sign integer) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO delivery_daily AS t (team_id, day, incidents, recoveries)
  VALUES (COALESCE(r.team_id, ''), (r.opened_at AT TIME ZONE 'UTC')::date,
          sign, sign * (r.recovery_seconds IS NOT NULL)::int)
  ON CONFLICT (team_id, day) DO UPDATE SET
    incidents = t.incidents + EXCLUDED.incidents, recoveries = t.recoveries + EXCLUDED.recoveries
$$;

-- Keeps delivery_daily equal to the facts: a change takes the old row's counts off and adds the new.
CREATE FUNCTION metrics_count_fact() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('pave.metrics_bulk', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_TABLE_NAME = 'incident_facts' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM metrics_add_incident(OLD, -1); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM metrics_add_incident(NEW, 1); END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN PERFORM metrics_add_delivery(OLD, -1); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM metrics_add_delivery(NEW, 1); END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER delivery_facts_counted AFTER INSERT OR UPDATE OR DELETE ON delivery_facts
  FOR EACH ROW EXECUTE FUNCTION metrics_count_fact();
CREATE TRIGGER incident_facts_counted AFTER INSERT OR UPDATE OR DELETE ON incident_facts
  FOR EACH ROW EXECUTE FUNCTION metrics_count_fact();

-- After a bulk load: the counters from scratch.
CREATE FUNCTION metrics_rebuild_counters() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM delivery_daily;
  INSERT INTO delivery_daily
    (team_id, day, deployments, rollbacks, change_failures, reworked, lead_samples, recoveries, incidents)
  SELECT team_id, day, sum(deployments), sum(rollbacks), sum(change_failures), sum(reworked),
         sum(lead_samples), sum(recoveries), sum(incidents)
    FROM (
      SELECT COALESCE(team_id, '') AS team_id, (at AT TIME ZONE 'UTC')::date AS day,
             count(*) FILTER (WHERE kind = 'deployment') AS deployments,
             count(*) FILTER (WHERE kind = 'rollback') AS rollbacks,
             count(*) FILTER (WHERE kind = 'deployment' AND change_failure) AS change_failures,
             count(*) FILTER (WHERE kind = 'deployment' AND rework) AS reworked,
             count(lead_seconds) AS lead_samples, count(recovery_seconds) AS recoveries, 0 AS incidents
        FROM delivery_facts GROUP BY 1, 2
      UNION ALL
      SELECT COALESCE(team_id, ''), (opened_at AT TIME ZONE 'UTC')::date, 0, 0, 0, 0, 0,
             count(recovery_seconds), count(*)
        FROM incident_facts GROUP BY 1, 2
    ) counts
   GROUP BY team_id, day;
  DELETE FROM capability_daily;
  INSERT INTO capability_daily (team_id, day, capability, uses)
  SELECT COALESCE(team_id, ''), (at AT TIME ZONE 'UTC')::date, capability, count(*)
    FROM (SELECT team_id, at, metrics_capability(kind, data) AS capability FROM platform_events) uses
   WHERE capability IS NOT NULL
   GROUP BY 1, 2, 3;
END $$;

-- Re-derives what a fact at `p_at` of one service can change: change failure of the deployments
-- up to 24 h before it (their window or their "next deployment" moved), then rework of the
-- deployments up to 24 h after those, then the recovery of failed deploys around it.
CREATE FUNCTION metrics_reclassify(p_service text, p_at timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE delivery_facts d SET change_failure = x.failure
    FROM (
      SELECT d2.id, EXISTS (
        SELECT 1 FROM (
          SELECT s.at FROM delivery_facts s
           WHERE s.service_id = d2.service_id AND s.kind IN ('failed', 'rollback')
             AND s.at > d2.at AND s.at <= d2.at + interval '24 hours'
          UNION ALL
          SELECT i.opened_at FROM incident_facts i
           WHERE i.service_id = d2.service_id
             AND i.opened_at > d2.at AND i.opened_at <= d2.at + interval '24 hours'
        ) signal
        WHERE signal.at < COALESCE(
          (SELECT min(n.at) FROM delivery_facts n
            WHERE n.service_id = d2.service_id AND n.kind = 'deployment' AND n.at > d2.at),
          'infinity')
      ) AS failure
      FROM delivery_facts d2
      WHERE d2.service_id = p_service AND d2.kind = 'deployment'
        AND d2.at BETWEEN p_at - interval '24 hours' AND p_at
    ) x
   WHERE d.id = x.id AND d.change_failure IS DISTINCT FROM x.failure;

  UPDATE delivery_facts d SET rework = x.rework
    FROM (
      SELECT d2.id, EXISTS (
        SELECT 1 FROM delivery_facts f
         WHERE f.service_id = d2.service_id
           AND (f.kind = 'failed' OR (f.kind = 'deployment' AND f.change_failure))
           AND f.at < d2.at AND f.at >= d2.at - interval '24 hours'
      ) AS rework
      FROM delivery_facts d2
      WHERE d2.service_id = p_service AND d2.kind = 'deployment'
        AND d2.at BETWEEN p_at - interval '24 hours' AND p_at + interval '24 hours'
    ) x
   WHERE d.id = x.id AND d.rework IS DISTINCT FROM x.rework;

  UPDATE delivery_facts f SET recovered_at = (
      SELECT min(l.at) FROM delivery_facts l
       WHERE l.service_id = f.service_id AND l.kind IN ('deployment', 'rollback') AND l.at > f.at)
   WHERE f.service_id = p_service AND f.kind = 'failed'
     AND (f.at = p_at OR (f.at < p_at AND (f.recovered_at IS NULL OR f.recovered_at > p_at)));
END $$;

-- Bulk loads (the demo seed, the benchmark) set pave.metrics_bulk = 'on' for their transaction
-- and call this once at the end instead of re-classifying per row.
CREATE FUNCTION metrics_classify_all() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE delivery_facts d SET change_failure = x.failure
    FROM (
      SELECT d2.id, EXISTS (
        SELECT 1 FROM (
          SELECT s.at FROM delivery_facts s
           WHERE s.service_id = d2.service_id AND s.kind IN ('failed', 'rollback')
             AND s.at > d2.at AND s.at <= d2.at + interval '24 hours'
          UNION ALL
          SELECT i.opened_at FROM incident_facts i
           WHERE i.service_id = d2.service_id
             AND i.opened_at > d2.at AND i.opened_at <= d2.at + interval '24 hours'
        ) signal
        WHERE signal.at < COALESCE(d2.next_at, 'infinity')
      ) AS failure
      FROM (
        SELECT id, service_id, at,
               lead(at) OVER (PARTITION BY service_id ORDER BY at) AS next_at
          FROM delivery_facts WHERE kind = 'deployment'
      ) d2
    ) x
   WHERE d.id = x.id AND d.change_failure IS DISTINCT FROM x.failure;

  UPDATE delivery_facts d SET rework = x.rework
    FROM (
      SELECT d2.id, EXISTS (
        SELECT 1 FROM delivery_facts f
         WHERE f.service_id = d2.service_id
           AND (f.kind = 'failed' OR (f.kind = 'deployment' AND f.change_failure))
           AND f.at < d2.at AND f.at >= d2.at - interval '24 hours'
      ) AS rework
      FROM delivery_facts d2 WHERE d2.kind = 'deployment'
    ) x
   WHERE d.id = x.id AND d.rework IS DISTINCT FROM x.rework;

  UPDATE delivery_facts f SET recovered_at = (
      SELECT min(l.at) FROM delivery_facts l
       WHERE l.service_id = f.service_id AND l.kind IN ('deployment', 'rollback') AND l.at > f.at)
   WHERE f.kind = 'failed';

  PERFORM metrics_rebuild_counters();
END $$;

CREATE FUNCTION metrics_fact_added() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('pave.metrics_bulk', true) IS DISTINCT FROM 'on' THEN
    IF TG_TABLE_NAME = 'incident_facts' THEN
      PERFORM metrics_reclassify(NEW.service_id, NEW.opened_at);
    ELSE
      PERFORM metrics_reclassify(NEW.service_id, NEW.at);
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER delivery_facts_added AFTER INSERT ON delivery_facts
  FOR EACH ROW EXECUTE FUNCTION metrics_fact_added();
CREATE TRIGGER incident_facts_added AFTER INSERT ON incident_facts
  FOR EACH ROW EXECUTE FUNCTION metrics_fact_added();

-- A platform event → its fact. Production only: DORA measures what reached users.
CREATE FUNCTION metrics_event_fact() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  at_ms timestamptz := date_trunc('milliseconds', NEW.at);
  used text := metrics_capability(NEW.kind, NEW.data);
BEGIN
  IF used IS NOT NULL AND current_setting('pave.metrics_bulk', true) IS DISTINCT FROM 'on' THEN
    INSERT INTO capability_daily AS t (team_id, day, capability, uses)
    VALUES (COALESCE(NEW.team_id, ''), (NEW.at AT TIME ZONE 'UTC')::date, used, 1)
    ON CONFLICT (team_id, day, capability) DO UPDATE SET uses = t.uses + 1;
  END IF;
  IF NEW.environment IS DISTINCT FROM 'production' OR NEW.service_id IS NULL THEN
    RETURN NULL;
  END IF;
  IF NEW.kind = 'deploy' THEN
    INSERT INTO delivery_facts (id, source, service_id, team_id, kind, at, committed_at)
    VALUES ('event:' || NEW.id, 'platform', NEW.service_id, NEW.team_id,
            CASE WHEN NEW.data->>'result' = 'live' THEN 'deployment' ELSE 'failed' END, at_ms,
            date_trunc('milliseconds', (NEW.data->>'committedAt')::timestamptz))
    ON CONFLICT (id) DO NOTHING;
  ELSIF NEW.kind = 'rollback' THEN
    INSERT INTO delivery_facts (id, source, service_id, team_id, kind, at)
    VALUES ('event:' || NEW.id, 'platform', NEW.service_id, NEW.team_id, 'rollback', at_ms)
    ON CONFLICT (id) DO NOTHING;
  ELSIF NEW.kind = 'incident_opened' THEN
    INSERT INTO incident_facts (id, source, service_id, team_id, opened_at)
    VALUES ('event:' || (NEW.data->>'incidentId'), 'platform', NEW.service_id, NEW.team_id, at_ms)
    ON CONFLICT (id) DO NOTHING;
  ELSIF NEW.kind = 'incident_resolved' THEN
    INSERT INTO incident_facts (id, source, service_id, team_id, opened_at, resolved_at)
    VALUES ('event:' || (NEW.data->>'incidentId'), 'platform', NEW.service_id, NEW.team_id,
            date_trunc('milliseconds', (NEW.data->>'openedAt')::timestamptz), at_ms)
    ON CONFLICT (id) DO UPDATE SET resolved_at = EXCLUDED.resolved_at;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER platform_events_metrics AFTER INSERT ON platform_events
  FOR EACH ROW EXECUTE FUNCTION metrics_event_fact();

-- Imported history → facts, with the service's owner team at import time.
CREATE FUNCTION metrics_import_fact() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  team text := (SELECT owner_team_id FROM services WHERE id = NEW.service_id);
BEGIN
  IF TG_TABLE_NAME = 'imported_incidents' THEN
    INSERT INTO incident_facts (id, source, service_id, team_id, opened_at, resolved_at)
    VALUES ('import:' || NEW.id, 'import', NEW.service_id, team,
            date_trunc('milliseconds', NEW.opened_at), date_trunc('milliseconds', NEW.resolved_at));
  ELSIF NEW.environment = 'production' THEN
    INSERT INTO delivery_facts (id, source, service_id, team_id, kind, at, committed_at)
    VALUES ('import:' || NEW.id, 'import', NEW.service_id, team,
            CASE WHEN NEW.status = 'success' THEN 'deployment' ELSE 'failed' END,
            date_trunc('milliseconds', NEW.deployed_at), date_trunc('milliseconds', NEW.committed_at));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER imported_deployments_fact AFTER INSERT ON imported_deployments
  FOR EACH ROW EXECUTE FUNCTION metrics_import_fact();
CREATE TRIGGER imported_incidents_fact AFTER INSERT ON imported_incidents
  FOR EACH ROW EXECUTE FUNCTION metrics_import_fact();

-- Events recorded before this migration become facts too.
SET LOCAL pave.metrics_bulk = 'on';
INSERT INTO delivery_facts (id, source, service_id, team_id, kind, at, committed_at)
SELECT 'event:' || id, 'platform', service_id, team_id,
       CASE WHEN kind = 'rollback' THEN 'rollback'
            WHEN data->>'result' = 'live' THEN 'deployment' ELSE 'failed' END,
       date_trunc('milliseconds', at),
       CASE WHEN kind = 'deploy' THEN date_trunc('milliseconds', (data->>'committedAt')::timestamptz) END
  FROM platform_events
 WHERE kind IN ('deploy', 'rollback') AND environment = 'production' AND service_id IS NOT NULL;
INSERT INTO incident_facts (id, source, service_id, team_id, opened_at, resolved_at)
SELECT 'event:' || (o.data->>'incidentId'), 'platform', o.service_id, o.team_id,
       date_trunc('milliseconds', o.at), date_trunc('milliseconds', r.at)
  FROM platform_events o
  LEFT JOIN platform_events r ON r.kind = 'incident_resolved'
   AND r.data->>'incidentId' = o.data->>'incidentId'
 WHERE o.kind = 'incident_opened' AND o.environment = 'production' AND o.service_id IS NOT NULL
ON CONFLICT (id) DO NOTHING;
SELECT metrics_classify_all();
SET LOCAL pave.metrics_bulk = 'off';
