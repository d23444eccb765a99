/** A single-key shortcut a feature contributes (e.g. `/` for the catalog search). */
export interface Shortcut {
  key: string;
  run(): void;
}
