// The backlog's public entry (docs/architecture.md, "Features"): items other features link to.
import type { Tx } from '../../db/transaction';

export { demoItemId } from './demo';
export { createItem, getItem, isLead, setItemDemand, type Actor } from './store';

/** Runs in the transaction that deletes a backlog item, before its row goes. */
export type ItemDeletionHook = (tx: Tx, itemId: string) => Promise<void>;

/** This app's backlog extension points: a feature whose rows point at items unlinks them here. */
export interface BacklogExtensions {
  beforeItemDelete: ItemDeletionHook[];
}

declare module 'fastify' {
  interface FastifyInstance {
    backlog: BacklogExtensions;
  }
}
