import type { FastifyReply } from 'fastify';

// Proxies and load balancers drop connections that stay silent too long.
const HEARTBEAT_MS = 15_000;

export interface EventStream {
  /** Writes one server-sent event (with `id:` when given); nothing once the stream has ended. */
  send(event: string, data: unknown, id?: number): void;
  /** Runs `cleanup` when the stream ends (at once if it already has). */
  onEnd(cleanup: () => void): void;
  end(): void;
  readonly ended: boolean;
}

/**
 * The app's open server-sent event streams. They are hijacked responses, so the app ends them
 * before close() (which would otherwise wait for them forever).
 */
export class EventStreams {
  private readonly live = new Set<() => void>();

  /** Takes over `reply` as an SSE stream; it ends when the client goes away, on end(), or on endAll(). */
  open(reply: FastifyReply, options: { heartbeat?: boolean } = {}): EventStream {
    const raw = reply.raw;
    reply.hijack();
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const cleanups: (() => void)[] = [];
    const heartbeat =
      options.heartbeat === false ? null : setInterval(() => raw.write(': heartbeat\n\n'), HEARTBEAT_MS);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      if (heartbeat) clearInterval(heartbeat);
      for (const cleanup of cleanups) cleanup();
      this.live.delete(end);
      if (!raw.writableEnded) raw.end();
    };
    this.live.add(end);
    // The response's 'close' fires when the client goes away (or we end it).
    raw.on('close', end);
    raw.write('retry: 3000\n: connected\n\n');
    return {
      send(event, data, id) {
        if (ended || raw.writableEnded) return;
        raw.write(
          `${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`,
        );
      },
      onEnd(cleanup) {
        if (ended) cleanup();
        else cleanups.push(cleanup);
      },
      end,
      get ended() {
        return ended || raw.writableEnded;
      },
    };
  }

  endAll(): void {
    for (const end of [...this.live]) end();
  }
}
