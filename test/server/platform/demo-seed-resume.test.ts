import type pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../../server/app';
import { createPool } from '../../../server/db/pool';
import { serverFeatures } from '../../../server/features';
import { prepareDatabaseToServe } from '../../../server/platform/prepare-database';
import { seedDemoRest } from '../../../server/platform/seed-demo';
import type { ServerFeature } from '../../../server/platform/server-feature';
import { createTestDatabase } from '../../harness/postgres';

/**
 * The demo seed in two halves (server/platform/seed-demo.ts): the directory and the catalog before
 * the platform serves, the other features' shares after. However it is cut short, the finished
 * organization equals one seeded in one go: every part there, exactly once.
 */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freshPool(): Promise<pg.Pool> {
  const database = await createTestDatabase();
  const pool = createPool(database.url);
  cleanups.push(async () => {
    await pool.end();
    await database.drop();
  });
  return pool;
}

/** Rows per table of the public schema: what "the same organization" means across two clocks. */
async function tableCounts(pool: pg.Pool): Promise<Record<string, number>> {
  const { rows: tables } = await pool.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`);
    counts[name] = Number(rows[0]?.n);
  }
  return counts;
}

const parts = async (pool: pg.Pool) =>
  (await pool.query<{ part: string }>('SELECT part FROM demo_seed_parts ORDER BY part')).rows.map(
    (row) => row.part,
  );

const later = serverFeatures.filter((feature) => feature.seed && !feature.seedFirst);

describe('the demo seed in two halves', () => {
  it('serves the catalog first, and a rest cut short by a crash resumes to the same organization', async () => {
    const whole = await freshPool();
    await prepareDatabase(whole, { seed: 'demo' });
    const expected = await tableCounts(whole);

    const pool = await freshPool();
    const rest = await prepareDatabaseToServe(pool, serverFeatures, { seed: 'demo' });
    expect(rest).not.toBeNull();
    expect(await parts(pool)).toEqual(['catalog', 'teams and people']);
    const firstHalf = await tableCounts(pool);
    expect(firstHalf.services).toBe(expected.services);
    expect(firstHalf.teams).toBe(expected.teams);

    // The platform dies while writing the last part: it rolls back, the parts before it stay.
    const last = later.at(-1);
    if (!last) throw new Error('no feature seeds after the catalog');
    const crashing: ServerFeature[] = serverFeatures.map((feature) =>
      feature === last
        ? {
            ...feature,
            seed: async (tx, demo) => {
              await feature.seed?.(tx, demo);
              throw new Error('killed mid-part');
            },
          }
        : feature,
    );
    await expect(seedDemoRest(pool, crashing)).rejects.toThrow('killed mid-part');
    expect(await parts(pool)).not.toContain(last.name);
    expect((await parts(pool)).length).toBe(2 + later.length - 1);

    // The next start finds the missing part and writes it, once.
    const resumed = await prepareDatabaseToServe(pool, serverFeatures, { seed: 'demo' });
    expect(resumed).not.toBeNull();
    await resumed?.();
    expect(await tableCounts(pool)).toEqual(expected);
    expect(await parts(pool)).toEqual(
      ['catalog', 'complete', 'teams and people', ...later.map((feature) => feature.name)].sort(),
    );

    // Nothing left: a later start seeds nothing more.
    expect(await prepareDatabaseToServe(pool, serverFeatures, { seed: 'demo' })).toBeNull();
    expect(await tableCounts(pool)).toEqual(expected);

    // A seeding feature a later version adds is not written into a finished demo organization.
    const added: ServerFeature = {
      name: 'added-later',
      syncedEntities: [],
      seed: () => Promise.reject(new Error('seeded')),
    };
    await seedDemoRest(pool, [...serverFeatures, added]);
    expect(await tableCounts(pool)).toEqual(expected);
  }, 180_000);

  it('stops between parts when the platform shuts down, and leaves the rest for the next start', async () => {
    const pool = await freshPool();
    const rest = await prepareDatabaseToServe(pool, serverFeatures, { seed: 'demo' });
    let written = 0;
    await rest?.({ onProgress: () => (written += 1), stopped: () => written >= 1 });
    expect(written).toBe(1);
    expect(await parts(pool)).toHaveLength(3);
    expect(await prepareDatabaseToServe(pool, serverFeatures, { seed: 'none' })).not.toBeNull();
  }, 180_000);

  it('has nothing to finish on a database that was never demo-seeded', async () => {
    const pool = await freshPool();
    expect(await prepareDatabaseToServe(pool, serverFeatures, { seed: 'none' })).toBeNull();
    expect(await parts(pool)).toEqual([]);
  }, 60_000);
});
