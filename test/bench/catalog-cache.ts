import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Service } from '../../shared/features/catalog/api';
import type { ChangeEntry } from '../../shared/contract';
import { openCache, type Cache } from '../../electron/backend/cache/open-cache';
import { backendFeatures } from '../../electron/backend/features';
import { generateServices } from '../fixtures/catalog';

/** A desktop cache holding `count` generated services and 15 teams, written as pulled pages are. */
export interface CatalogCache {
  dir: string;
  file: string;
  cache: Cache;
  /** Milliseconds the writes took (pages of 5,000, each in one transaction). */
  writeMs: number;
  close(): void;
}

export function fillCatalogCache(
  count: number,
  dir = mkdtempSync(join(tmpdir(), 'pave-bench-catalog-')),
): CatalogCache {
  const file = join(dir, 'cache.db');
  const cache = openCache(file, backendFeatures.migrations);
  const at = new Date(Date.UTC(2026, 0, 1)).toISOString();
  const teams = Array.from({ length: 15 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    slug: `team-${i}`,
    name: `Team ${String.fromCharCode(65 + i)}`,
    description: '',
    size: 8,
    createdAt: at,
    updatedAt: at,
  }));
  const services: Service[] = generateServices(
    count,
    teams.map((t) => t.id),
  ).map((s, i) => ({
    id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: s.name,
    title: s.title,
    description: s.description ?? '',
    ownerTeamId: s.ownerTeamId,
    tier: s.tier as Service['tier'],
    lifecycle: s.lifecycle ?? 'production',
    repositoryUrl: s.repositoryUrl ?? null,
    tags: s.tags ?? [],
    links: s.links ?? [],
    createdAt: at,
    // A spread of timestamps, so the updatedAt sort has real work to do.
    updatedAt: new Date(Date.UTC(2026, 0, 1) + (i % 5000) * 60_000).toISOString(),
  }));
  const changes: ChangeEntry[] = [
    ...teams.map((t, i) => ({ seq: i + 1, entity: 'team' as const, id: t.id, op: 'put' as const, data: t })),
    ...services.map((s, i) => ({
      seq: 100 + i,
      entity: 'service' as const,
      id: s.id,
      op: 'put' as const,
      data: s,
    })),
  ];
  const started = performance.now();
  for (let start = 0; start < changes.length; start += 5000) {
    const page = changes.slice(start, start + 5000);
    cache.db.transaction(() => backendFeatures.model.entities.applyMany(cache.db, page, new Set()))();
  }
  const writeMs = performance.now() - started;
  return {
    dir,
    file,
    cache,
    writeMs,
    close() {
      cache.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
