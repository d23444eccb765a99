import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import {
  judgeCanary,
  type CanaryObservation,
} from '../../../../server/features/self-service/canary/canary-rule';
import { StableProxy } from '../../../../server/features/self-service/runtime/stable-proxy';
import { findFreePort } from '../../../../server/process/free-port';

const observe = (fields: Partial<CanaryObservation>): CanaryObservation => ({
  canaryExited: false,
  canaryUnhealthyProbes: 0,
  stableUnhealthyProbes: 0,
  stable: { requests: 900, failures: 0 },
  canary: { requests: 100, failures: 0 },
  windowOver: false,
  ...fields,
});

describe('the canary rule', () => {
  it('aborts at once on an exit or two failed health probes in a row, never on one', () => {
    expect(judgeCanary(observe({ canaryExited: true }))).toMatchObject({ decision: 'abort' });
    expect(judgeCanary(observe({ canaryUnhealthyProbes: 1 }))).toEqual({ decision: 'continue' });
    expect(judgeCanary(observe({ canaryUnhealthyProbes: 2 }))).toMatchObject({
      decision: 'abort',
      reason: 'the canary failed 2 health checks in a row',
    });
  });

  it('holds the canary to max(1 %, stable + 5 points) once it has 20 requests', () => {
    // Stable at 0 %: the bar is 5 %; 5 of 100 passes, 6 of 100 aborts.
    expect(judgeCanary(observe({ canary: { requests: 100, failures: 5 } }))).toEqual({
      decision: 'continue',
    });
    expect(judgeCanary(observe({ canary: { requests: 100, failures: 6 } }))).toMatchObject({
      decision: 'abort',
      reason: expect.stringContaining('exceeds the threshold 5.0 %'),
    });
    // Stable at 10 %: the bar is 15 %.
    const stable = { requests: 100, failures: 10 };
    expect(judgeCanary(observe({ stable, canary: { requests: 100, failures: 14 } }))).toEqual({
      decision: 'continue',
    });
    // Under 20 requests the rate says nothing, even at 100 %.
    expect(judgeCanary(observe({ canary: { requests: 19, failures: 19 } }))).toEqual({
      decision: 'continue',
    });
  });

  it('promotes only at the end of the window, on health alone when too few requests came', () => {
    expect(judgeCanary(observe({ windowOver: true }))).toMatchObject({
      decision: 'promote',
      reason: expect.stringContaining('canary error rate 0.0 % (0 of 100 requests) stayed within 5.0 %'),
    });
    expect(judgeCanary(observe({ windowOver: true, canary: { requests: 3, failures: 1 } }))).toMatchObject({
      decision: 'promote',
      reason: expect.stringContaining('judged on health alone'),
    });
  });
});

describe('the stable proxy split', () => {
  const servers: http.Server[] = [];
  afterAll(async () => {
    for (const server of servers) await new Promise((resolve) => server.close(resolve));
  });
  const upstream = async (status: number) => {
    const server = http.createServer((_request, response) => {
      response.writeHead(status);
      response.end(String(status));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  };

  it('sends exactly the weight in every 100 requests and counts failures per target', async () => {
    const stable = await upstream(200);
    const canary = await upstream(503);
    const proxy = new StableProxy(await findFreePort());
    await proxy.listen();
    try {
      proxy.split(stable, canary, 10);
      const statuses: number[] = [];
      for (let i = 0; i < 100; i++) statuses.push((await fetch(`http://127.0.0.1:${proxy.port}/`)).status);
      expect(statuses.filter((s) => s === 503)).toHaveLength(10);
      expect(proxy.traffic(stable)).toEqual({ requests: 90, failures: 0 });
      expect(proxy.traffic(canary)).toEqual({ requests: 10, failures: 10 });
      // Pointed back: no new request reaches the canary, and nothing is left in flight there.
      proxy.pointAt(stable);
      expect(proxy.routesTo(canary)).toBe(false);
      await proxy.drained(canary);
      for (let i = 0; i < 20; i++) expect((await fetch(`http://127.0.0.1:${proxy.port}/`)).status).toBe(200);
    } finally {
      await proxy.close();
    }
  });
});
