import { FuseV1Options, FuseVersion, getCurrentFuseWire, type FuseConfig } from '@electron/fuses';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import afterPack, { electronBinaryPath, fuseConfig } from '../../scripts/after-pack.mjs';

// Issue 13, finding 9: packaged builds set no Electron fuses. The Electron runtime cannot be
// downloaded here, so the hook runs against a file carrying Electron's fuse wire (the sentinel,
// version 1, length, one byte per fuse with Electron 45's defaults) and @electron/fuses reads it back.
const root = path.resolve(import.meta.dirname, '../..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const electronDefaults = '101100011';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pave-fuses-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const linuxContext = () => ({
  appOutDir: dir,
  electronPlatformName: 'linux',
  packager: { appInfo: { productFilename: 'Pave' }, executableName: 'pave' },
});

describe('scripts/after-pack.mjs', () => {
  it('sets every fuse of the wire explicitly, to the hardened value', () => {
    expect(fuseConfig('linux')).toEqual({
      version: FuseVersion.V1,
      strictlyRequireAllFuses: true,
      resetAdHocDarwinSignature: false,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
      [FuseV1Options.WasmTrapHandlers]: true,
    });
    const fuseCount = Object.values(FuseV1Options).filter((v) => typeof v === 'number').length;
    const configured = Object.keys(fuseConfig('linux')).filter((key) => /^\d+$/.test(key));
    expect(configured).toHaveLength(fuseCount);
    expect(fuseConfig('darwin').resetAdHocDarwinSignature).toBe(true);
  });

  it('finds the Electron binary where electron-builder puts it on each platform', () => {
    const packager = { appInfo: { productFilename: 'Pave' }, executableName: 'pave' };
    const at = (electronPlatformName: string) =>
      electronBinaryPath({ appOutDir: '/out', electronPlatformName, packager });
    expect(at('linux')).toBe(path.join('/out', 'pave'));
    expect(at('win32')).toBe(path.join('/out', 'Pave.exe'));
    expect(at('darwin')).toBe(path.join('/out', 'Pave.app'));
    expect(at('mas')).toBe(path.join('/out', 'Pave.app'));
  });

  it('flips the fuses in the packaged binary', async () => {
    const binary = path.join(dir, 'pave');
    const wire = Buffer.concat([
      Buffer.from('ELF…code before the wire…'),
      Buffer.from(SENTINEL),
      Buffer.from([1, electronDefaults.length]),
      Buffer.from(electronDefaults),
      Buffer.from('…code after'),
    ]);
    await writeFile(binary, wire);
    await afterPack(linuxContext());
    const read = await getCurrentFuseWire(binary);
    const byFuse = (option: FuseV1Options) => String.fromCharCode(read[option] as number);
    expect(byFuse(FuseV1Options.RunAsNode)).toBe('0');
    expect(byFuse(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(byFuse(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
    expect(byFuse(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
    expect(byFuse(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
    expect(byFuse(FuseV1Options.EnableCookieEncryption)).toBe('1');
    // Nothing else in the file changed.
    const after = await readFile(binary);
    expect(after.length).toBe(wire.length);
    expect(after.subarray(0, wire.indexOf(SENTINEL) + SENTINEL.length + 2)).toEqual(
      wire.subarray(0, wire.indexOf(SENTINEL) + SENTINEL.length + 2),
    );
  });

  it('refuses a binary whose wire has a fuse it does not set, instead of leaving it at its default', async () => {
    const binary = path.join(dir, 'pave');
    await writeFile(
      binary,
      Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, 10]), Buffer.from('1011000111')]),
    );
    await expect(afterPack(linuxContext())).rejects.toThrow(/strictlyRequireAllFuses/);
  });

  it('passes the binary and the configuration to flipFuses', async () => {
    const calls: [string, FuseConfig][] = [];
    await afterPack(linuxContext(), async (file, config) => {
      calls.push([file, config]);
    });
    expect(calls).toEqual([[path.join(dir, 'pave'), fuseConfig('linux')]]);
  });

  it('is electron-builder.yml’s afterPack hook, and electron-builder sets no fuses of its own', async () => {
    const config = parse(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(config.afterPack).toBe('./scripts/after-pack.mjs');
    expect(config.electronFuses).toBeUndefined();
    const hook = (await import(path.join(root, String(config.afterPack)))) as { default: unknown };
    expect(hook.default).toBe(afterPack);
  });
});
