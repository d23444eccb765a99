import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmbeddedPostgres } from '../../../server/db/embedded-postgres';
import { migrationDirs, prepareDatabase } from '../../../server/app';
import { readMigrationFiles } from '../../../server/db/migrate';
import { createPool } from '../../../server/db/pool';
import {
  copyTemplate,
  ensureTemplate,
  findTemplate,
  refillTemplateSpare,
  setSuperuserPassword,
  takeTemplateCopy,
  templateKey,
  TEMPLATE_DATABASE,
} from '../../../server/platform/database-template';
import type { PlatformSetup } from '../../../shared/ipc/platform-setup';
import { createTestDatabase } from '../../harness/postgres';

/**
 * The prepared database template a first launch copies instead of running initdb and every
 * migration (server/platform/database-template.ts): keyed by the migrations, built once, copied
 * into a cluster of its own with its own password.
 */
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pave-template-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function migrationsDir(name: string, files: Record<string, string>): Promise<string> {
  const folder = path.join(dir, name);
  await mkdir(folder, { recursive: true });
  for (const [file, sql] of Object.entries(files)) await writeFile(path.join(folder, file), sql);
  return folder;
}

describe('template key', () => {
  it('changes with any migration text, an added migration or the PostgreSQL version, and only then', async () => {
    const one = await migrationsDir('key-a', { '001_widgets.sql': 'CREATE TABLE widgets (id int);' });
    const same = await migrationsDir('key-b', { '001_widgets.sql': 'CREATE TABLE widgets (id int);' });
    const edited = await migrationsDir('key-c', { '001_widgets.sql': 'CREATE TABLE widgets (id bigint);' });
    const added = await migrationsDir('key-d', {
      '001_widgets.sql': 'CREATE TABLE widgets (id int);',
      '002_gadgets.sql': 'CREATE TABLE gadgets (id int);',
    });
    const key = await templateKey([one], '18.0.0');
    expect(key).toMatch(/^[0-9a-f]{24}$/);
    expect(await templateKey([same], '18.0.0')).toBe(key);
    expect(await templateKey([edited], '18.0.0')).not.toBe(key);
    expect(await templateKey([added], '18.0.0')).not.toBe(key);
    expect(await templateKey([one], '18.1.0')).not.toBe(key);
    // Without a version given, the installed embedded-postgres package's is used.
    expect(await templateKey([one])).toMatch(/^[0-9a-f]{24}$/);
  });
});

describe('prepared template', () => {
  it('is built once per key, and a changed migration builds a new one', async () => {
    const templatesDir = path.join(dir, 'templates');
    const migrations = await migrationsDir('real', {
      '001_widgets.sql': 'CREATE TABLE widgets (id int PRIMARY KEY); INSERT INTO widgets VALUES (1);',
    });
    const builds: string[] = [];
    const progress: string[] = [];
    const first = await ensureTemplate({
      templatesDir,
      migrationDirs: [migrations],
      onBuild: () => builds.push('first'),
      onMigration: ({ done, total }) => progress.push(`${done}/${total}`),
    });
    expect(builds).toEqual(['first']);
    expect(progress).toEqual(['0/1', '1/1']);

    const again = await ensureTemplate({
      templatesDir,
      migrationDirs: [migrations],
      onBuild: () => builds.push('again'),
    });
    expect(again).toEqual(first);
    expect(builds).toEqual(['first']);

    // The copy is a cluster of its own: it starts, holds the migrated database, and takes a password of its own.
    const databaseDir = path.join(dir, 'data', 'postgres');
    await copyTemplate(first, databaseDir);
    const cluster = await startEmbeddedPostgres({ databaseDir, password: first.password });
    try {
      await setSuperuserPassword(cluster.adminUrl, 'a-new-password');
      const url = new URL(cluster.adminUrl);
      url.password = 'a-new-password';
      url.pathname = `/${TEMPLATE_DATABASE}`;
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        const { rows } = await client.query<{ id: number }>('SELECT id FROM widgets');
        expect(rows).toEqual([{ id: 1 }]);
        const { rows: applied } = await client.query<{ version: number }>(
          'SELECT version FROM schema_migrations',
        );
        expect(applied).toEqual([{ version: 1 }]);
      } finally {
        await client.end();
      }
      const old = new pg.Client({ connectionString: cluster.adminUrl });
      await expect(old.connect()).rejects.toThrow(/password authentication failed/);
      await old.end().catch(() => undefined);
    } finally {
      await cluster.stop();
    }

    await writeFile(path.join(migrations, '002_gadgets.sql'), 'CREATE TABLE gadgets (id int);');
    const changed = await ensureTemplate({
      templatesDir,
      migrationDirs: [migrations],
      onBuild: () => builds.push('changed'),
    });
    expect(builds).toEqual(['first', 'changed']);
    expect(changed.databaseDir).not.toBe(first.databaseDir);
  }, 180_000);
});

describe('spare copy of the template', () => {
  /** A template folder as ensureTemplate leaves it; the files stand for a cluster's. */
  async function fakeTemplate(name: string) {
    const keyDir = path.join(dir, name, 'key');
    const databaseDir = path.join(keyDir, 'postgres');
    await mkdir(path.join(databaseDir, 'base'), { recursive: true });
    await writeFile(path.join(databaseDir, 'PG_VERSION'), '18\n');
    await writeFile(path.join(databaseDir, 'base', 'table'), 'rows');
    return { keyDir, template: { databaseDir, password: 'secret' } };
  }
  const spareReady = (keyDir: string) =>
    vi.waitFor(() => expect(existsSync(path.join(keyDir, 'spare', 'PG_VERSION'))).toBe(true), {
      timeout: 30_000,
      interval: 50,
    });

  it('is made in the background, taken by the next new cluster (a rename), then made again', async () => {
    const { keyDir, template } = await fakeTemplate('spare-cycle');
    // None yet: the new cluster is a copy, the template stays.
    const first = path.join(dir, 'spare-cycle', 'data-1', 'postgres');
    expect(await takeTemplateCopy(template, first)).toBe('copy');
    expect(await readFile(path.join(first, 'base', 'table'), 'utf8')).toBe('rows');

    expect(await refillTemplateSpare(template)).toBe(true);
    await spareReady(keyDir);
    // One is ready: nothing to do.
    expect(await refillTemplateSpare(template)).toBe(false);

    const second = path.join(dir, 'spare-cycle', 'data-2', 'postgres');
    expect(await takeTemplateCopy(template, second)).toBe('spare');
    expect(await readFile(path.join(second, 'base', 'table'), 'utf8')).toBe('rows');
    expect(existsSync(path.join(keyDir, 'spare'))).toBe(false);
    expect(existsSync(path.join(template.databaseDir, 'PG_VERSION'))).toBe(true);
    // No partial copy is left behind.
    await refillTemplateSpare(template);
    await spareReady(keyDir);
    expect((await readdir(keyDir)).sort()).toEqual(['postgres', 'spare']);
  });

  it('leaves a spare a live process is making, and removes one a dead process left', async () => {
    const { keyDir, template } = await fakeTemplate('spare-partial');
    const live = path.join(keyDir, `.spare-${process.pid}`);
    await mkdir(live);
    expect(await refillTemplateSpare(template)).toBe(false);
    expect(existsSync(live)).toBe(true);
    await rm(live, { recursive: true });

    const gone = spawnSync('true').pid;
    const dead = path.join(keyDir, `.spare-${gone}`);
    await mkdir(dead);
    expect(await refillTemplateSpare(template)).toBe(true);
    await spareReady(keyDir);
    expect(existsSync(dead)).toBe(false);
  });

  it('is found for the current migrations only', async () => {
    const templatesDir = path.join(dir, 'templates');
    const migrations = path.join(dir, 'real');
    expect(await findTemplate({ templatesDir, migrationDirs: [migrations] })).not.toBeNull();
    expect(
      await findTemplate({
        templatesDir,
        migrationDirs: [await migrationsDir('unbuilt', { '001_x.sql': 'SELECT 1;' })],
      }),
    ).toBeNull();
  });
});

describe('setup progress of a new database', () => {
  it('reports every migration, then each part of the demo seed, in order', async () => {
    const database = await createTestDatabase();
    const pool = createPool(database.url);
    const seen: PlatformSetup[] = [];
    try {
      await prepareDatabase(pool, { seed: 'demo', onSetup: (setup) => seen.push(setup) });
    } finally {
      await pool.end();
      await database.drop();
    }
    const migrations = seen.filter((setup) => setup.step === 'migrations');
    const seeding = seen.filter((setup) => setup.step === 'seeding');
    expect(seen.map((setup) => setup.step)).toEqual([
      ...migrations.map(() => 'migrations'),
      ...seeding.map(() => 'seeding'),
    ]);
    const total = (await readMigrationFiles(migrationDirs)).length;
    expect(migrations[0]?.total).toBe(total);
    expect(migrations.map((setup) => setup.done)).toEqual([...Array(total + 1).keys()]);
    expect(seeding[0]).toMatchObject({ done: 0, detail: 'teams and people' });
    expect(seeding.map((setup) => setup.done)).toEqual([...Array(seeding.length).keys()]);
    expect(seeding.map((setup) => setup.detail)).toContain('catalog');
  }, 120_000);
});
