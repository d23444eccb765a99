// {{name}}: a background worker created by Pave from the "Background worker" template.
// It runs a job loop and serves /healthz on PORT so the platform can tell a stuck loop from a
// working one.
import http from 'node:http';
import { readFileSync } from 'node:fs';

// The service's name as its package carries it; its catalog entry is catalog-info.yaml (Backstage format).
const { name: serviceName } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const port = Number(process.env.PORT ?? 8080);
const intervalMs = {{intervalSeconds}} * 1000;

function log(level, message, fields = {}) {
  const entry = { time: new Date().toISOString(), level, service: serviceName, message, ...fields };
  process.stdout.write(JSON.stringify(entry) + '\n');
}

let runs = 0;
let lastRunAt = Date.now();

function work() {
  runs += 1;
  lastRunAt = Date.now();
  log('info', 'job run', { run: runs });
}

const timer = setInterval(work, intervalMs);
work();

// Healthy while the loop keeps running: a loop silent for three intervals is reported as stuck.
const server = http.createServer((request, response) => {
  const stuck = Date.now() - lastRunAt > intervalMs * 3;
  if (request.url === '/healthz') {
    response.writeHead(stuck ? 503 : 200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ status: stuck ? 'stuck' : 'ok', runs }));
    return;
  }
  response.writeHead(404, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ error: 'not found' }));
});
server.listen(port, '127.0.0.1', () => log('info', 'worker started', { port, intervalMs }));

const stop = () => {
  log('info', 'shutting down', { runs });
  clearInterval(timer);
  server.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
