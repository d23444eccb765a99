// {{name}}: an HTTP service created by Pave from the "HTTP service" template.
// No dependencies: node:http only. Configuration comes from the environment (PORT and the
// service's secrets, injected by the platform at deploy).
import http from 'node:http';
import { readFileSync } from 'node:fs';

const catalog = JSON.parse(readFileSync(new URL('./catalog-info.json', import.meta.url), 'utf8'));
const port = Number(process.env.PORT ?? 8080);
const logLevel = process.env.LOG_LEVEL ?? {{json logLevel}};
const levels = ['debug', 'info', 'warn', 'error'];

// Structured logs: one JSON object per line on stdout, which the platform captures and streams.
function log(level, message, fields = {}) {
  if (levels.indexOf(level) < levels.indexOf(logLevel)) return;
  const entry = { time: new Date().toISOString(), level, service: catalog.metadata.name, message, ...fields };
  process.stdout.write(JSON.stringify(entry) + '\n');
}

// Names only: a secret's value must never reach a log line or a response.
const secretNames = (process.env.PAVE_SECRET_NAMES ?? '').split(',').filter(Boolean);

const server = http.createServer((request, response) => {
  const started = Date.now();
  const send = (status, body) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
    log('info', 'request', { method: request.method, path: request.url, status, ms: Date.now() - started });
  };
  if (request.url === '/healthz') return send(200, { status: 'ok' });
  if (request.url === '/catalog-info.json') return send(200, catalog);
  if (request.url === '/') {
    return send(200, {
      service: catalog.metadata.name,
      message: {{json greeting}},
      version: process.env.PAVE_VERSION ?? 'unknown',
      configured: secretNames,
    });
  }
  return send(404, { error: 'not found' });
});

server.listen(port, '127.0.0.1', () => log('info', 'listening', { port, secrets: secretNames.length }));

const stop = () => {
  log('info', 'shutting down');
  server.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
