import { z } from 'zod';
import { directoryEntities } from './api/directory';
import { changeEntrySchema, changesPageSchema, type ChangeEntryOf } from './api/sync';
import type { PaveApiOf } from './ipc/api';
import { coreCommands, coreEvents } from './ipc/contract';
import { mergeMaps, type MergeMaps } from './ipc/shared-feature';
import { sharedFeatures } from './features';

/**
 * The app's contract, composed once from the core and the features listed in shared/features.ts:
 * the IPC commands and events the backend serves and the renderer calls, and the entities the
 * change log carries. Hosts and cores import these; a wrong command name or input fails `tsc`.
 */

type Feature = (typeof sharedFeatures)[number];

export const ipcCommands = mergeMaps('IPC command', [
  coreCommands,
  ...sharedFeatures.map((f) => f.commands),
]) as typeof coreCommands & MergeMaps<Feature['commands']>;

export type IpcCommands = typeof ipcCommands;
export type IpcCommand = keyof IpcCommands & string;
export type IpcInput<C extends IpcCommand> = z.input<IpcCommands[C]['input']>;
export type IpcParsedInput<C extends IpcCommand> = z.output<IpcCommands[C]['input']>;
export type IpcOutput<C extends IpcCommand> = z.output<IpcCommands[C]['output']>;

export const isIpcCommand = (name: string): name is IpcCommand => Object.hasOwn(ipcCommands, name);

/** Events pushed from the backend to every window. */
export const ipcEvents = mergeMaps('IPC event', [
  coreEvents,
  ...sharedFeatures.map((f) => f.events),
]) as typeof coreEvents & MergeMaps<Feature['events']>;

export type IpcEvents = typeof ipcEvents;
export type IpcEvent = keyof IpcEvents & string;
export type IpcEventPayload<E extends IpcEvent> = z.output<IpcEvents[E]>;

export const isIpcEvent = (name: string): name is IpcEvent => Object.hasOwn(ipcEvents, name);

/** `window.pave`, typed by the composed contract. */
export type PaveApi = PaveApiOf<IpcCommands, IpcEvents>;

/** Every synced entity: the directory's and each feature's, name → API schema. */
export const entitySchemas = mergeMaps('synced entity', [
  directoryEntities,
  ...sharedFeatures.map((f) => f.entities),
]) as typeof directoryEntities & MergeMaps<Feature['entities']>;

type EntitySchemas = typeof entitySchemas;

export const SyncEntity = z.enum(Object.keys(entitySchemas) as [keyof EntitySchemas & string]);
export type SyncEntity = keyof EntitySchemas & string;

export const ChangeEntry = changeEntrySchema(entitySchemas);
export type ChangeEntry = ChangeEntryOf<EntitySchemas>;

export const ChangesPage = changesPageSchema(ChangeEntry);
export type ChangesPage = z.infer<typeof ChangesPage>;
