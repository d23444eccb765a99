import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerAppRequest,
  registerAppScheme,
  resolveAppFile,
  serveAppProtocol,
  type ProtocolHandlers,
  type SchemeRegistry,
} from '../../electron/main/app-protocol';
import { contentSecurityPolicy } from '../../electron/web/content-security-policy';

let rendererDir: string;
beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'pave-app-protocol-'));
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Pave</title>');
  await writeFile(join(rendererDir, 'assets', 'index-abc.js'), 'export {}');
});
afterAll(async () => {
  await rm(rendererDir, { recursive: true, force: true });
});

describe('registerAppScheme', () => {
  it('registers app:// as standard and secure, with a V8 code cache', () => {
    let registered: Parameters<SchemeRegistry['registerSchemesAsPrivileged']>[0] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => (registered = schemes) });
    expect(registered).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
  });
});

describe('resolveAppFile', () => {
  it('maps app://pave paths into the renderer build and routes to index.html', () => {
    expect(resolveAppFile(rendererDir, 'app://pave/assets/index-abc.js')).toBe(
      join(rendererDir, 'assets/index-abc.js'),
    );
    expect(resolveAppFile(rendererDir, 'app://pave/index.html')).toBe(join(rendererDir, 'index.html'));
    expect(resolveAppFile(rendererDir, 'app://pave/')).toBe(join(rendererDir, 'index.html'));
    expect(resolveAppFile(rendererDir, 'app://pave/services/abc')).toBe(join(rendererDir, 'index.html'));
  });

  it('keeps encoded dot segments inside the build (URL parsing clamps them at the root)', () => {
    expect(resolveAppFile(rendererDir, 'app://pave/%2e%2e/%2e%2e/etc/passwd.txt')).toBe(
      join(rendererDir, 'etc/passwd.txt'),
    );
  });

  it.each([
    'app://pave/..%2f..%2fsecret.json',
    'app://pave/%00.js',
    'app://pave/%E0%A4%A.js',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(rendererDir, url)).toBeNull();
  });
});

describe('serveAppProtocol', () => {
  it('answers with the file, its content type and the CSP', async () => {
    let handler: Parameters<ProtocolHandlers['handle']>[1] | undefined;
    serveAppProtocol({ handle: (_scheme, h) => (handler = h) }, rendererDir);
    const response = await handler?.(new Request('app://pave/assets/index-abc.js'));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-type')).toContain('text/javascript');
    expect(response?.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await response?.text()).toBe('export {}');
  });

  it('answers 404 for missing files and refused paths', async () => {
    expect((await answerAppRequest(rendererDir, 'app://pave/missing.js')).status).toBe(404);
    expect((await answerAppRequest(rendererDir, 'app://pave/%2e%2e/x.js')).status).toBe(404);
  });
});
