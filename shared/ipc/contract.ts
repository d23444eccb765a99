import { z } from 'zod';
import { text } from '../api/text';
import { Org, Team, User } from '../api/directory';
import { PlatformSetup } from './platform-setup';

/**
 * The core of the IPC contract between the renderer and the desktop backend: what every Pave
 * has whatever its features (sync, settings, the outbox, the directory). Features add their
 * commands and events in `shared/features/<f>/ipc.ts`; shared/contract.ts composes the whole map
 * that Electron IPC (preload + main) and browser mode (electron/web) both serve.
 */

export const SyncState = z.enum(['starting', 'syncing', 'online', 'offline']);
export type SyncState = z.infer<typeof SyncState>;

export const IpcErrorShape = z.object({
  code: text(),
  message: z.string(),
  /** Input refused by validation: each field's problem in plain words, for forms to show by the field. */
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type IpcErrorShape = z.infer<typeof IpcErrorShape>;

export const SyncStatus = z.object({
  state: SyncState,
  /** ISO time of the last successful pull, null before the first one. */
  lastSyncedAt: text().nullable(),
  pendingChanges: z.number().int(),
  /** Why the last attempt failed, shown in the status bar tooltip while offline. */
  lastError: IpcErrorShape.nullable(),
  /** ISO time of the next retry while offline. */
  nextRetryAt: text().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const PlatformMode = z.enum(['embedded', 'remote']);

export const Settings = z.object({
  mode: PlatformMode,
  /** Null while the embedded platform is still starting. */
  platformUrl: text().nullable(),
  org: Org.nullable(),
  user: User.nullable(),
});
export type Settings = z.infer<typeof Settings>;

/** The input of a command that takes none. */
export const Empty = z.object({}).strict().default({});

/** One entry of the outbox panel: a change not yet accepted by the platform. */
export const OutboxItem = z.object({
  mutationId: z.number().int().positive(),
  name: text(),
  /** Human summary, e.g. "Edit Payments API: title, tier". */
  summary: text(),
  createdAt: text(),
  status: z.enum(['pending', 'needs_confirmation', 'rejected']),
  /** Why the platform rejected it, why it waits (expired), or why its last send failed. */
  reason: IpcErrorShape.nullable(),
  /** How often it was sent, and when last: a pending change sent many times is stuck. */
  attempts: z.number().int().min(0),
  lastSentAt: text().nullable(),
  /** The arguments as queued, to inspect what exactly would be sent. */
  args: z.unknown(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

/** What enqueuing a change answers: its outbox id (the change is already visible locally). */
export const Enqueued = z.object({ mutationId: z.number().int().positive() });
export const MutationRef = z.object({ mutationId: z.number().int().positive() });

/** `{ id }` of one entity, as most commands that name one take it. */
export const IdRef = z.object({ id: text().min(1).max(100) });

export const coreCommands = {
  'teams:list': { input: Empty, output: z.array(Team) },
  'sync:status': { input: Empty, output: SyncStatus },
  /** Pull now; resolves when the pull finished or failed (state says which). */
  'sync:now': { input: Empty, output: SyncStatus },
  'settings:get': { input: Empty, output: Settings },
  /** Validates URL + token with a call to the platform before saving; then resyncs. */
  'settings:setPlatform': {
    input: z.object({
      url: z.url({ protocol: /^https?$/ }),
      token: text().min(10).max(500),
    }),
    output: Settings,
  },
  'settings:useEmbedded': { input: Empty, output: Settings },
  /** The embedded platform's first setup, for the progress shown before the first rows. */
  'platform:setup': { input: Empty, output: PlatformSetup },
  'outbox:list': { input: Empty, output: z.array(OutboxItem) },
  /** Sends an expired change anyway (same idempotency key, so it still applies at most once). */
  'outbox:confirm': { input: MutationRef, output: Enqueued },
  /**
   * Drops a change that is not applied yet: expired, waiting or stuck (its local effect
   * disappears), or dismisses a rejected one. Refused while that change is being sent.
   */
  'outbox:discard': { input: MutationRef, output: z.object({}) },
} as const;

/** Events pushed from the backend to every window, whatever the features. */
export const coreEvents = {
  'sync:status': SyncStatus,
  'platform:setup': PlatformSetup,
  /** Local tables a write touched; the renderer invalidates the queries that read them. */
  'tables:changed': z.object({ tables: z.array(text()) }),
} as const;
