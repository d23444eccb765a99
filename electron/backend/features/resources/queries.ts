import type { Database } from 'better-sqlite3';
import { Operation } from '../../../../shared/features/operations/api';
import { Resource } from '../../../../shared/features/resources/api';
import type { ResourceView } from '../../../../shared/features/resources/ipc';
import { prepared } from '../../cache/prepared';
import { isLocalId } from '../operations/public';

/** A service's resources (deleted ones are tombstoned away by sync) with their operation's live state. */
export function listResourceViews(db: Database, serviceId: string): ResourceView[] {
  const rows = prepared(
    db,
    `SELECT r.data, o.data AS operation FROM resources r
       LEFT JOIN operations o ON o.id = json_extract(r.data, '$.operationId')
      WHERE r.service_id = ? AND r.status <> 'deleted' ORDER BY r.created_at, r.id`,
  ).all(serviceId) as { data: string; operation: string | null }[];
  return rows.map((row) => {
    const resource = Resource.parse(JSON.parse(row.data));
    const operation = row.operation ? Operation.parse(JSON.parse(row.operation)) : null;
    return {
      ...resource,
      operation: operation
        ? { id: operation.id, status: operation.status, progress: operation.progress, step: operation.step }
        : null,
      local: isLocalId(resource.id),
    };
  });
}
