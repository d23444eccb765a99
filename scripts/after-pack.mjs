// electron-builder's afterPack hook (electron-builder.yml): flips Electron's fuses in the packaged
// binary, before electron-builder signs it. Fuses are read by Electron before any of our code runs,
// so they close what no runtime check can: a packaged Pave must not be usable as a general Node
// interpreter or debuggable through flags and environment variables a local attacker controls.
// @see https://www.electronjs.org/docs/latest/tutorial/fuses
// @see https://www.electronjs.org/docs/latest/tutorial/security#20-use-electron-fuses (checklist)
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** Every fuse of the V1 wire, set explicitly (strictlyRequireAllFuses fails the build on a new one). */
export const fuses = {
  // ELECTRON_RUN_AS_NODE would turn the signed app into a Node that runs any script; the embedded
  // platform runs in a utilityProcess instead (electron/main/utility-platform-process.ts).
  [FuseV1Options.RunAsNode]: false,
  // Chromium's cookie store encrypted with the OS keychain key, like the token vault.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could --require arbitrary code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would open a debugger into the main process (and its token vault).
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash electron-builder embeds (macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only the (integrity-checked) app.asar is loaded, never a planted app/ folder next to it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Pave ships no browser-process-specific V8 snapshot.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer is served from app://, so file:// needs none of its legacy privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Electron's default: WebAssembly bounds checks through trap handlers.
  [FuseV1Options.WasmTrapHandlers]: true,
};

/** The fuse configuration for one packaged platform, as passed to flipFuses. */
export function fuseConfig(electronPlatformName) {
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    // Flipping fuses breaks the ad-hoc signature on macOS (fatal on Apple silicon); re-sign it.
    resetAdHocDarwinSignature: electronPlatformName === 'darwin' || electronPlatformName === 'mas',
    ...fuses,
  };
}

/** Where electron-builder put the Electron binary (the same rule as its own electronFuses option). */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (electronPlatformName === 'win32')
    return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}

/** @param flip flipFuses; a parameter so the configuration is testable without an Electron binary. */
export default async function afterPack(context, flip = flipFuses) {
  await flip(electronBinaryPath(context), fuseConfig(context.electronPlatformName));
}
