import { expect, it } from 'vitest';
import { directoryEntities } from '../../../shared/api/directory';
import { entitySchemas } from '../../../shared/contract';
import { sharedFeatures } from '../../../shared/features';
import { serverFeatures } from '../../../server/features';

it('every synced entity is written by the directory or by exactly one server feature', () => {
  const owners = [
    ...Object.keys(directoryEntities),
    ...serverFeatures.flatMap((feature) => feature.syncedEntities),
  ];
  expect(new Set(owners).size).toBe(owners.length);
  expect([...owners].sort()).toEqual(Object.keys(entitySchemas).sort());
});

it('lists each feature once, by the names the other sides use', () => {
  const names = serverFeatures.map((feature) => feature.name);
  expect(new Set(names).size).toBe(names.length);
  expect([...names].sort()).toEqual(sharedFeatures.map((feature) => feature.name).sort());
});
