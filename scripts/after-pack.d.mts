/** Types for after-pack.mjs, so TypeScript tests can import it. */
import type { FuseConfig } from '@electron/fuses';

export interface AfterPackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

export const fuses: Record<number, boolean>;
export function fuseConfig(electronPlatformName: string): FuseConfig;
export function electronBinaryPath(context: AfterPackContext): string;
export default function afterPack(
  context: AfterPackContext,
  flip?: (electronPath: string, config: FuseConfig) => Promise<unknown>,
): Promise<void>;
