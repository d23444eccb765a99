/** A single-key shortcut a feature contributes (e.g. `/` for the catalog search). */
export interface Shortcut {
  key: string;
  /** What it does, in the palette's list of shortcuts ("Search the catalog"). */
  label: string;
  run(): void;
}
