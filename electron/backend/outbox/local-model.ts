import type { SyncedEntities } from '../cache/synced-entities';
import type { LocalMutatorRegistry } from './local-mutator';

/**
 * What the features teach the core about their data, composed once (docs/architecture.md,
 * "Features"): how each synced entity is stored, and the optimistic effect of each push
 * mutation. The sync engine and the outbox take it as a parameter; they name no feature.
 */
export interface LocalModel {
  readonly entities: SyncedEntities;
  readonly mutators: LocalMutatorRegistry;
}
