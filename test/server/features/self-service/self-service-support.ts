import { readdir, readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import type { Operation } from '../../../../shared/features/operations/api';
import { waitFor } from '../../../harness/wait-for';
import { type apiClient } from '../../api-client';

export type Api = ReturnType<typeof apiClient>;

/** Waits for the operation's row to reach a final status (the signal), failing after `timeoutMs`. */
export function waitForOperation(api: Api, operationId: string, timeoutMs = 30_000): Promise<Operation> {
  return waitFor(
    async () => {
      const { status, body } = await api('GET', `/v1/operations/${operationId}`);
      expect(status).toBe(200);
      const operation = body as Operation;
      return ['succeeded', 'failed', 'cancelled'].includes(operation.status) && operation;
    },
    { timeoutMs, what: `operation ${operationId} finished` },
  );
}

export interface ServiceProcess {
  pid: number;
  env: Record<string, string>;
}

/** The real OS processes running versions of a service (found by PAVE_SERVICE in /proc/<pid>/environ). */
export async function serviceProcesses(serviceId: string): Promise<ServiceProcess[]> {
  const found: ServiceProcess[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let raw: string;
    try {
      raw = await readFile(`/proc/${entry}/environ`, 'utf8');
    } catch {
      continue;
    }
    const env = Object.fromEntries(
      raw
        .split('\0')
        .filter(Boolean)
        .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
    );
    if (env.PAVE_SERVICE === serviceId) found.push({ pid: Number(entry), env });
  }
  return found;
}

export async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
