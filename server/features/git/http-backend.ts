import { spawn } from 'node:child_process';
import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import { parseCgiHead } from './cgi-response';
import { isolatedGitEnv } from './git-env';

export interface GitCgiRequest {
  /** The directory holding the repository, and `/<repo>.git/<rest>` inside it. */
  projectRoot: string;
  pathInfo: string;
  method: 'GET' | 'POST';
  query: string;
  headers: Record<string, string | string[] | undefined>;
  remoteUser: string;
  /** The raw request body (POST), piped to git untouched: http-backend inflates gzip itself. */
  body: Readable | null;
  /** Git config for this request only (GIT_CONFIG_COUNT): hooksPath, receive-pack on, … */
  config: Record<string, string>;
  /** Extra environment for git and its hooks. */
  env: Record<string, string>;
}

const header = (headers: GitCgiRequest['headers'], name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function cgiEnv(request: GitCgiRequest): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...isolatedGitEnv(),
    ...request.env,
    GIT_PROJECT_ROOT: request.projectRoot,
    // The platform decides who sees what; every repository under the root may be served.
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: request.pathInfo,
    REMOTE_USER: request.remoteUser,
    REQUEST_METHOD: request.method,
    QUERY_STRING: request.query,
    GIT_CONFIG_COUNT: String(Object.keys(request.config).length),
  };
  Object.entries(request.config).forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  const contentType = header(request.headers, 'content-type');
  if (contentType) env.CONTENT_TYPE = contentType;
  // Absent for chunked bodies: http-backend then reads to the end of its stdin.
  const contentLength = header(request.headers, 'content-length');
  if (contentLength && /^\d+$/.test(contentLength)) env.CONTENT_LENGTH = contentLength;
  const encoding = header(request.headers, 'content-encoding');
  if (encoding && /^[a-z0-9-]+$/i.test(encoding)) env.HTTP_CONTENT_ENCODING = encoding;
  // Protocol v2 (git ≥ 2.18 asks for it with this header; http-backend passes it on).
  const protocol = header(request.headers, 'git-protocol');
  if (protocol && /^[a-z0-9=:.,-]+$/i.test(protocol)) env.HTTP_GIT_PROTOCOL = protocol;
  return env;
}

/**
 * Runs Debian's `git http-backend` as a CGI for one request (git's smart HTTP protocol: no pack
 * code of ours) and streams its answer to `response`. Resolves with git's exit code once its
 * output is written, WITHOUT ending `response`: the caller may still act on the push first.
 */
export function runHttpBackend(
  request: GitCgiRequest,
  response: ServerResponse,
  log: FastifyBaseLogger,
): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn('git', ['http-backend'], { env: cgiEnv(request), stdio: ['pipe', 'pipe', 'pipe'] });
    let pending: Buffer | null = Buffer.alloc(0);
    let stderr = '';
    let settled = false;
    const finish = (code: number | null) => {
      if (settled) return;
      settled = true;
      if (pending !== null && !response.headersSent) {
        // git ended without a CGI head: our failure, not the client's.
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.write('git http-backend failed\n');
      }
      resolve(code);
    };

    child.stdout.on('data', (chunk: Buffer) => {
      if (pending === null) {
        response.write(chunk);
        return;
      }
      pending = Buffer.concat([pending, chunk]);
      const parsed = parseCgiHead(pending);
      if (!parsed) return;
      pending = null;
      response.writeHead(parsed.head.status, parsed.head.headers);
      if (parsed.body.length) response.write(parsed.body);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 8192) stderr += chunk.toString();
    });
    child.on('error', (error) => {
      log.error({ err: error }, 'git http-backend could not start');
      finish(null);
    });
    child.on('close', (code) => {
      if (code !== 0 || stderr.trim()) log.warn({ code, stderr: stderr.trim() }, 'git http-backend');
      finish(code);
    });
    // The client went away: stop git (an interrupted push leaves only its quarantine, which git drops).
    response.on('close', () => {
      if (child.exitCode === null && !response.writableFinished) child.kill('SIGTERM');
    });

    // A client that stops sending or a git that stops reading must not crash the server.
    child.stdin.on('error', () => undefined);
    if (request.body) {
      request.body.on('error', () => child.stdin.destroy());
      request.body.pipe(child.stdin);
    } else {
      child.stdin.end();
    }
  });
}
