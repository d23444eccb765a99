import type { Tx } from '../../db/transaction';
import type { DemoSeed } from '../../platform/server-feature';
import { seedDemoHistory } from './demo/seed-history';

/**
 * Two years of demo history go in as a bulk load: the facts are written per row, but classified
 * once at the end (metrics_classify_all) instead of per row, which would re-read the 24 hours
 * around each of tens of thousands of deploys.
 */
export async function seedMetricsDemo(tx: Tx, demo: DemoSeed): Promise<void> {
  await tx.query("SELECT set_config('pave.metrics_bulk', 'on', true)");
  await seedDemoHistory(tx, demo);
  await tx.query('SELECT metrics_classify_all()');
  await tx.query("SELECT set_config('pave.metrics_bulk', 'off', true)");
}
