import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import type { Deployment } from '../../../../shared/features/self-service/api';
import type { PlatformEvent } from '../../../../shared/features/events/api';
import { apiClient } from '../../api-client';
import type { TestPlatform } from '../../../harness/platform';
import { waitForOperation, type Api } from './self-service-support';

export const author = { name: 'Test Engineer', email: 'engineer@example.com' };

/** A team and an HTTP service created from the template, live in development. */
export async function createHttpService(platform: TestPlatform, name: string, greeting: string) {
  const api = apiClient(platform.url, platform.adminToken);
  const team = await api('POST', '/v1/teams', { slug: `${name}-team`, name: `${name} team` });
  expect(team.status, JSON.stringify(team.body)).toBe(201);
  const created = await api('POST', '/v1/templates/http-service/services', {
    values: { name, title: name, ownerTeamId: (team.body as { id: string }).id, greeting },
    deployTo: 'development',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(202);
  const operation = await waitForOperation(
    api,
    (created.body as { operationId: string }).operationId,
    120_000,
  );
  expect(operation.status, JSON.stringify(operation.error)).toBe('succeeded');
  const result = operation.result as { serviceId: string; version: string; stablePort: number };
  const bareRepo = path.join(platform.dataDir, 'repositories', `${name}.git`);
  const serverJs = await readFile(
    path.join(platform.dataDir, 'runtime', result.serviceId, 'development', result.version, 'server.js'),
    'utf8',
  );
  return { api, ...result, bareRepo, serverJs };
}

/** Deploys and waits for the operation to end (succeeded or not). */
export async function deployAndWait(api: Api, serviceId: string, body: Record<string, unknown>) {
  const accepted = await api('POST', `/v1/services/${serviceId}/deployments`, body);
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
  return waitForOperation(api, (accepted.body as { operationId: string }).operationId, 120_000);
}

export async function deploymentsOf(api: Api, serviceId: string, environment = 'development') {
  const { body } = await api('GET', `/v1/services/${serviceId}/deployments?environment=${environment}`);
  return (body as { items: Deployment[] }).items;
}

/** The operation's log as its SSE stream sends it (the text a person reads in the app). */
export async function operationLog(platform: TestPlatform, operationId: string): Promise<string> {
  const response = await fetch(`${platform.url}/v1/operations/${operationId}/events`, {
    headers: { authorization: `Bearer ${platform.adminToken}` },
  });
  return response.text();
}

export async function eventsOf(api: Api, serviceId: string, kind: string): Promise<PlatformEvent[]> {
  const { status, body } = await api('GET', `/v1/platform-events?serviceId=${serviceId}&kind=${kind}`);
  expect(status).toBe(200);
  return (body as { items: PlatformEvent[] }).items;
}

export interface LoopResult {
  status: number | null;
  version?: string;
  error?: string;
}

/**
 * `concurrency` callers hitting the stable port back to back until stopped, as real clients
 * would during a switch: every answer and every connection error is kept.
 */
export function requestLoop(port: number, concurrency = 8) {
  let running = true;
  const results: LoopResult[] = [];
  const loops = Array.from({ length: concurrency }, async () => {
    while (running) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`);
        const body = (await response.json()) as { version?: string };
        results.push({ status: response.status, version: body.version });
      } catch (error) {
        results.push({ status: null, error: String(error) });
      }
    }
  });
  return {
    results,
    async stop(): Promise<LoopResult[]> {
      running = false;
      await Promise.all(loops);
      return results;
    },
  };
}

/** A server.js that answers its health check but 500 on every other request. */
export const BROKEN_SERVER = `import http from 'node:http';
const server = http.createServer((request, response) => {
  const ok = request.url === '/healthz';
  response.writeHead(ok ? 200 : 500, { 'content-type': 'application/json' });
  response.end(JSON.stringify(ok ? { status: 'ok' } : { version: process.env.PAVE_VERSION, error: 'broken' }));
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

/** A server.js that exits before it listens. */
export const CRASHING_SERVER = `console.error('cannot start: missing configuration');\nprocess.exit(3);\n`;
