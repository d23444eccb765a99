// {{name}}: an HTTP service created by Pave from the "HTTP service" template.
// node:http plus OpenFeature for feature flags. Configuration comes from the environment (PORT,
// the service's secrets, and PAVE_FLAGS_URL/PAVE_FLAGS_KEY, injected by the platform at deploy).
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { OpenFeature, ProviderEvents } from '@openfeature/server-sdk';
import { PaveFlagsProvider } from './pave-flags.js';

// The service's name as its package carries it; its catalog entry is catalog-info.yaml (Backstage format).
const { name: serviceName } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const port = Number(process.env.PORT ?? 8080);
const logLevel = process.env.LOG_LEVEL ?? {{json logLevel}};
const levels = ['debug', 'info', 'warn', 'error'];

// Structured logs: one JSON object per line on stdout, which the platform captures and streams.
function log(level, message, fields = {}) {
  if (levels.indexOf(level) < levels.indexOf(logLevel)) return;
  const entry = { time: new Date().toISOString(), level, service: serviceName, message, ...fields };
  process.stdout.write(JSON.stringify(entry) + '\n');
}

// Names only: a secret's value must never reach a log line or a response.
const secretNames = (process.env.PAVE_SECRET_NAMES ?? '').split(',').filter(Boolean);

// Feature flags through OpenFeature. Deployed by Pave, the flags this service has in Pave for its
// environment; run elsewhere (no PAVE_FLAGS_URL), no provider: every flag is its default below.
// Another OpenFeature provider goes here, and nowhere else (see README.md).
if (process.env.PAVE_FLAGS_URL && process.env.PAVE_FLAGS_KEY) {
  OpenFeature.setProvider(
    new PaveFlagsProvider({ url: process.env.PAVE_FLAGS_URL, key: process.env.PAVE_FLAGS_KEY, log }),
  );
}
OpenFeature.addHandler(ProviderEvents.ConfigurationChanged, (event) =>
  log('info', 'flags changed', { flags: event?.flagsChanged ?? [] }),
);
const flags = OpenFeature.getClient();

let stopping = false;

const server = http.createServer(async (request, response) => {
  const started = Date.now();
  const send = (status, body) => {
    // While stopping, no connection is kept open for another request.
    if (stopping) response.setHeader('connection', 'close');
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
    log('info', 'request', { method: request.method, path: request.url, status, ms: Date.now() - started });
  };
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/healthz') return send(200, { status: 'ok' });
  if (url.pathname === '/catalog-info.yaml') {
    response.writeHead(200, { 'content-type': 'application/yaml; charset=utf-8' });
    return response.end(readFileSync(new URL('./catalog-info.yaml', import.meta.url), 'utf8'));
  }
  if (url.pathname === '/') {
    // Who is asking, for percentage rollouts: ?user= or the x-user header.
    const user = url.searchParams.get('user') ?? request.headers['x-user'] ?? undefined;
    // The `shout` flag: off (the default) answers the greeting as it is; on, in capitals.
    const shout = await flags.getBooleanValue('shout', false, user ? { targetingKey: String(user) } : {});
    const greeting = {{json greeting}};
    return send(200, {
      service: serviceName,
      message: shout ? greeting.toUpperCase() : greeting,
      version: process.env.PAVE_VERSION ?? 'unknown',
      configured: secretNames,
      flags: { shout },
    });
  }
  return send(404, { error: 'not found' });
});

server.listen(port, '127.0.0.1', () => log('info', 'listening', { port, secrets: secretNames.length }));

// Graceful stop: no new connections, requests in flight finish, then exit (the platform's canary
// and rollback switch traffic away first, so no caller sees a failed request).
const stop = () => {
  if (stopping) return;
  stopping = true;
  log('info', 'shutting down');
  server.close(() => void OpenFeature.close().finally(() => process.exit(0)));
  server.closeIdleConnections?.();
  // A client that holds a connection open forever does not hold the process with it.
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
