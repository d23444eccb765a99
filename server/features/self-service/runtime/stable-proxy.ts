import http from 'node:http';

/**
 * The stable port of one service+environment: a reverse proxy (node:http) that forwards every
 * request to the live version's own port. Switching traffic is changing `target`; in-flight
 * requests finish on the version they started on.
 */
export class StableProxy {
  private target: number | null = null;
  private readonly server: http.Server;

  constructor(readonly port: number) {
    this.server = http.createServer((request, response) => {
      const target = this.target;
      if (target === null) {
        response.writeHead(503, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { code: 'no_live_version', message: 'no version is live' } }));
        return;
      }
      const upstream = http.request(
        {
          host: '127.0.0.1',
          port: target,
          method: request.method,
          path: request.url,
          headers: request.headers,
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on('error', (error) => {
        if (response.headersSent) return response.destroy();
        response.writeHead(502, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { code: 'upstream_unreachable', message: error.message } }));
      });
      request.pipe(upstream);
    });
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

  pointAt(port: number | null): void {
    this.target = port;
  }

  get targetPort(): number | null {
    return this.target;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
