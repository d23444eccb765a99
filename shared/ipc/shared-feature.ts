import type { z } from 'zod';
import type { EntitySchemaMap } from '../api/sync';

/** One IPC command: a zod schema for what the renderer sends and one for what it gets back. */
export interface IpcCommandSpec {
  input: z.ZodType;
  output: z.ZodType;
}
export type IpcCommandMap = Readonly<Record<string, IpcCommandSpec>>;
/** Backend → renderer events: name → payload schema. */
export type IpcEventMap = Readonly<Record<string, z.ZodType>>;

/**
 * What a feature contributes to the code every side shares (docs/architecture.md, "Features"):
 * the entities it syncs (name → API schema), its IPC commands and its events. shared/features.ts
 * lists one per feature; shared/contract.ts composes them into the app's contract.
 */
export interface SharedFeature<
  E extends EntitySchemaMap = EntitySchemaMap,
  C extends IpcCommandMap = IpcCommandMap,
  V extends IpcEventMap = IpcEventMap,
> {
  name: string;
  entities: E;
  commands: C;
  events: V;
}

/** Keeps the literal types of the maps, so the composed contract stays typed end to end. */
export function defineSharedFeature<
  const E extends EntitySchemaMap,
  const C extends IpcCommandMap,
  const V extends IpcEventMap,
>(feature: SharedFeature<E, C, V>): SharedFeature<E, C, V> {
  return feature;
}

/** `A | B | C` → `A & B & C`: the features' maps, merged at the type level. */
export type MergeMaps<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

/** Throws on the first name that repeats: a second entry under one name would never be reached. */
export function assertUnique(what: string, names: Iterable<string>): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(`${what} ${name} is listed twice`);
    seen.add(name);
  }
}

/** Merges the maps of every feature into one, refusing a name two of them claim. */
export function mergeMaps<M extends Readonly<Record<string, unknown>>>(what: string, maps: readonly M[]): M {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, value] of Object.entries(map)) {
      if (Object.hasOwn(merged, name)) throw new Error(`${what} ${name} is contributed twice`);
      merged[name] = value;
    }
  }
  return merged as M;
}
