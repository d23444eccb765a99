/** Types for electron-runtime.mjs, so TypeScript tests can import it. */
export type ElectronRuntime =
  { available: true; path: string; version: string } | { available: false; reason: string };

export function findElectronRuntime(options?: {
  packageDir?: string;
  env?: NodeJS.ProcessEnv;
}): ElectronRuntime;
