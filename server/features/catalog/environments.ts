import type { Pool } from 'pg';
import type { Environment, EnvironmentName } from '../../../shared/features/catalog/api';

export async function listEnvironments(pool: Pool): Promise<Environment[]> {
  const { rows } = await pool.query<{ id: string; name: EnvironmentName; title: string; position: number }>(
    'SELECT id, name, title, position FROM environments ORDER BY position',
  );
  return rows;
}
