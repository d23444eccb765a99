import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { entitySchemas, ipcCommands, type SyncEntity } from '../../../shared/contract';
import { coreCommands } from '../../../shared/ipc/contract';
import { migrate } from '../../../electron/backend/cache/migrate';
import { composeBackendFeatures } from '../../../electron/backend/composition/compose-features';
import { backendFeatureList, backendFeatures } from '../../../electron/backend/features';
import { secretsBackend } from '../../../electron/backend/features/secrets';
import { featureContext } from '../feature-context';

const all = backendFeatureList;

describe('composing the backend features', () => {
  it('serves every command of the contract exactly once: the core its own, the features the rest', () => {
    const db = new BetterSqlite3(':memory:');
    const { handlers, close } = backendFeatures.handlers(featureContext(db));
    const served = [...Object.keys(coreCommands), ...Object.keys(handlers)].sort();
    expect(served).toEqual(Object.keys(ipcCommands).sort());
    close();
    db.close();
  });

  it('has a cache writer for every synced entity and clears every feature table on a resync', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, backendFeatures.migrations);
    for (const entity of Object.keys(entitySchemas) as SyncEntity[]) {
      expect(backendFeatures.model.entities.read(db, entity, 'absent')).toBeNull();
    }
    db.close();
    expect(backendFeatures.syncedTables).toEqual(
      expect.arrayContaining(['teams', 'services_fts', 'surveys']),
    );
  });

  it('fails tsc, and refuses at start, when a command has no feature to serve it', () => {
    // The real list minus one feature: typed as such, so tsc sees its commands go unserved.
    const withoutSecrets = all.filter(
      (feature): feature is Exclude<(typeof all)[number], typeof secretsBackend> =>
        feature !== secretsBackend,
    );
    // @ts-expect-error secrets:list, secrets:set and secrets:rotate are served by no feature
    expect(() => composeBackendFeatures(withoutSecrets)).toThrow(/synced entity secret has no cache writer/);
  });

  it('refuses a command served twice and a feature listed twice', () => {
    const db = new BetterSqlite3(':memory:');
    const twice = { ...secretsBackend, name: 'secrets-again' };
    expect(() => composeBackendFeatures([...all, twice]).handlers(featureContext(db))).toThrow(
      /handled twice|has two cache writers/,
    );
    expect(() => composeBackendFeatures([...all, secretsBackend])).toThrow(/listed twice/);
    db.close();
  });
});
