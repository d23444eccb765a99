import http from 'node:http';
import type { TrafficCount } from '../../../../shared/features/self-service/api';

/** Where new requests go: one port, or a stable port and a canary port sharing traffic by weight. */
export type Routing =
  | { kind: 'single'; port: number | null }
  | { kind: 'split'; stablePort: number; canaryPort: number; canaryPercent: number };

// No keep-alive towards versions: a pooled socket that the version closes when idle (or when it
// drains on SIGTERM) would turn the next request sent on it into a reset, i.e. a failed request.
const upstreamAgent = new http.Agent({ keepAlive: false });

/**
 * The stable port of one service+environment: a reverse proxy (node:http) in front of the live
 * version's own port. Switching traffic only changes where NEW requests go; a request in flight
 * finishes on the version it started on, and `drained(port)` tells when none is left there, so a
 * version is stopped only after its last request (docs/architecture.md, "Operations").
 *
 * During a canary the split is a deterministic counter, not a coin toss: request n goes to the
 * canary when floor(n·w/100) moves, so every run of 100 requests sends exactly w to it, evenly
 * spread. Per target port it counts requests and failures (a 5xx answer or an upstream error).
 */
export class StableProxy {
  private routing: Routing = { kind: 'single', port: null };
  private sequence = 0;
  private readonly counts = new Map<number, TrafficCount>();
  private readonly inFlight = new Map<number, number>();
  private readonly idleWaiters = new Map<number, (() => void)[]>();
  private readonly server: http.Server;

  constructor(readonly port: number) {
    this.server = http.createServer((request, response) => this.forward(request, response));
  }

  private pick(): number | null {
    const routing = this.routing;
    if (routing.kind === 'single') return routing.port;
    const n = this.sequence++;
    const toCanary =
      Math.floor(((n + 1) * routing.canaryPercent) / 100) > Math.floor((n * routing.canaryPercent) / 100);
    return toCanary ? routing.canaryPort : routing.stablePort;
  }

  private count(port: number, failed: boolean): void {
    const count = this.counts.get(port) ?? { requests: 0, failures: 0 };
    count.requests += 1;
    if (failed) count.failures += 1;
    this.counts.set(port, count);
  }

  private finish(port: number): void {
    const left = (this.inFlight.get(port) ?? 1) - 1;
    if (left > 0) {
      this.inFlight.set(port, left);
      return;
    }
    this.inFlight.delete(port);
    const waiters = this.idleWaiters.get(port) ?? [];
    this.idleWaiters.delete(port);
    for (const resolve of waiters) resolve();
  }

  private forward(request: http.IncomingMessage, response: http.ServerResponse): void {
    const target = this.pick();
    if (target === null) {
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'no_live_version', message: 'no version is live' } }));
      return;
    }
    this.inFlight.set(target, (this.inFlight.get(target) ?? 0) + 1);
    let settled = false;
    const settle = (failed: boolean) => {
      if (settled) return;
      settled = true;
      this.count(target, failed);
      this.finish(target);
    };
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: target,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, connection: 'close' },
        agent: upstreamAgent,
      },
      (answer) => {
        const status = answer.statusCode ?? 502;
        response.writeHead(status, answer.headers);
        answer.pipe(response);
        answer.on('end', () => settle(status >= 500));
        answer.on('error', () => settle(true));
        response.on('close', () => settle(status >= 500 || !response.writableFinished));
      },
    );
    upstream.on('error', (error) => {
      settle(true);
      if (response.headersSent) return response.destroy();
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'upstream_unreachable', message: error.message } }));
    });
    request.pipe(upstream);
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  /** All new requests to one version (or none: 503). */
  pointAt(port: number | null): void {
    this.routing = { kind: 'single', port };
  }

  /** New requests shared between the stable and the canary version; counts start from zero. */
  split(stablePort: number, canaryPort: number, canaryPercent: number): void {
    this.counts.delete(stablePort);
    this.counts.delete(canaryPort);
    this.sequence = 0;
    this.routing = { kind: 'split', stablePort, canaryPort, canaryPercent };
  }

  /** Requests and failures answered by `port` since the last split. */
  traffic(port: number): TrafficCount {
    const count = this.counts.get(port);
    return { requests: count?.requests ?? 0, failures: count?.failures ?? 0 };
  }

  /** Does the current routing send new requests to `port`? */
  routesTo(port: number): boolean {
    const routing = this.routing;
    return routing.kind === 'single'
      ? routing.port === port
      : routing.stablePort === port || routing.canaryPort === port;
  }

  /** Resolves once no request is in flight to `port` (call after routing stopped sending there). */
  drained(port: number): Promise<void> {
    if (!this.inFlight.get(port)) return Promise.resolve();
    return new Promise((resolve) => {
      const waiters = this.idleWaiters.get(port) ?? [];
      waiters.push(resolve);
      this.idleWaiters.set(port, waiters);
    });
  }

  get targetPort(): number | null {
    return this.routing.kind === 'single' ? this.routing.port : this.routing.stablePort;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
