import { request as httpRequest, type IncomingMessage } from 'node:http';

export interface HttpAnswer {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * node:http rather than fetch: the tests must send forged Host and Origin headers, which fetch
 * forbids, and must see redirects instead of following them.
 */
export function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Opens an SSE stream and resolves `next(pattern)` once the text received so far matches. */
export function openStream(url: string, headers: Record<string, string>) {
  let text = '';
  let waiters: { pattern: RegExp; resolve: () => void }[] = [];
  let response: IncomingMessage | undefined;
  const ready = new Promise<IncomingMessage>((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      response = res;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        waiters = waiters.filter((waiter) => {
          if (!waiter.pattern.test(text)) return true;
          waiter.resolve();
          return false;
        });
      });
      resolve(res);
    });
    req.on('error', reject);
    req.end();
  });
  return {
    ready,
    text: () => text,
    next(pattern: RegExp): Promise<void> {
      if (pattern.test(text)) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ pattern, resolve }));
    },
    ended(): Promise<void> {
      return ready.then((res) =>
        res.readableEnded ? undefined : new Promise<void>((resolve) => res.once('end', () => resolve())),
      );
    },
    close: () => response?.destroy(),
  };
}
