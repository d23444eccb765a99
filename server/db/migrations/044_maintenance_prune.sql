-- Issue 13, finding 10: the maintenance schedule (server/maintenance) prunes in bounded batches,
-- oldest first; these indexes let each batch find its rows without scanning the table.

-- Tombstones, lowest seq first (min_seq is raised to the highest seq pruned).
CREATE INDEX change_log_tombstones_idx ON change_log (seq) WHERE op = 'del';
