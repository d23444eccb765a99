import { readFile } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '../web/content-security-policy';
import { appHost, appScheme } from './app-origin';

/** The parts of Electron's protocol module this file uses. */
export interface SchemeRegistry {
  registerSchemesAsPrivileged(
    schemes: {
      scheme: string;
      privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean; codeCache: boolean };
    }[],
  ): void;
}
export interface ProtocolHandlers {
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/**
 * `standard` gives app:// real origins and relative URL resolution, `secure` makes it a secure
 * context like https, `codeCache` keeps V8's compiled code of the renderer's scripts between
 * launches (a custom scheme has none by default: a warm start would compile every script again;
 * issue 12, "Start in a second"). Must run before the app's 'ready' event.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
 */
export function registerAppScheme(protocol: SchemeRegistry): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps `app://pave/<path>` to a file inside the renderer build, or null for another host or a
 * path that escapes the build directory. Paths without an extension are app routes: index.html.
 */
export function resolveAppFile(rendererDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = resolve(rendererDir);
  const file = extname(pathname) === '' ? join(root, 'index.html') : resolve(root, `.${pathname}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || inside.startsWith(sep)) return null;
  return file;
}

/** Answers one app:// request from the renderer build, with the CSP on every response. */
export async function answerAppRequest(rendererDir: string, url: string): Promise<Response> {
  const headers = { 'content-security-policy': contentSecurityPolicy, 'x-content-type-options': 'nosniff' };
  const file = resolveAppFile(rendererDir, url);
  if (file === null) return new Response('Not found', { status: 404, headers });
  try {
    const body = await readFile(file);
    const type = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(body, { status: 200, headers: { ...headers, 'content-type': type } });
  } catch {
    return new Response('Not found', { status: 404, headers });
  }
}

export function serveAppProtocol(protocol: ProtocolHandlers, rendererDir: string): void {
  protocol.handle(appScheme, (request) => answerAppRequest(rendererDir, request.url));
}
