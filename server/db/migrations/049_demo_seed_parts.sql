-- Issue 12, "Start in a second": the demo seed writes the directory and the catalog before the
-- platform serves, and the other features' shares after (server/platform/seed-demo.ts). Each part
-- records itself here in the transaction that writes it, so a seed interrupted in between resumes
-- with exactly the parts still missing, with the seed number and clock it started with.
CREATE TABLE demo_seed_parts (
  part text PRIMARY KEY,
  seed bigint NOT NULL,
  -- The first part's `now`, as an ISO string: every later part dates its history from it.
  started_at text NOT NULL,
  done_at timestamptz NOT NULL DEFAULT now()
);
