import { createParser, type EventSourceMessage } from 'eventsource-parser';

export class StreamIdleError extends Error {
  override readonly name = 'StreamIdleError';
}

/** An event (or an unfinished line) longer than the cap: the stream is refused, never buffered on. */
export class StreamEventTooLargeError extends Error {
  override readonly name = 'StreamEventTooLargeError';
}

/**
 * Characters one event may hold before the stream is refused (docs/architecture.md, "Operations"):
 * the platform's events (pokes, operation progress, log lines) are small; a stream that never
 * ends its line would otherwise grow the parser's buffer until the backend runs out of memory.
 */
export const MAX_EVENT_CHARS = 1024 * 1024;

/**
 * Feeds a fetch response body through eventsource-parser until the stream ends. A connection
 * that silently died (no FIN, e.g. a laptop changing networks) would otherwise hang forever:
 * the server sends a heartbeat comment every 15 s, so `idleMs` without a byte means it is gone.
 */
export async function readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: EventSourceMessage) => void,
  idleMs = 45_000,
  maxEventChars = MAX_EVENT_CHARS,
): Promise<void> {
  let tooLarge: StreamEventTooLargeError | null = null;
  const parser = createParser({
    onEvent,
    maxBufferSize: maxEventChars,
    onError(error) {
      if (error.type === 'max-buffer-size-exceeded') {
        tooLarge = new StreamEventTooLargeError(
          `the platform sent an event longer than ${describeSize(maxEventChars)} characters`,
        );
      }
    },
  });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let idleTimer: NodeJS.Timeout | null = null;
  let idle = false;
  const arm = () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idle = true;
      void reader.cancel().catch(() => {});
    }, idleMs);
  };
  try {
    arm();
    for (;;) {
      const { done, value } = await reader.read();
      if (idle) throw new StreamIdleError(`no data for ${idleMs / 1000} s`);
      if (done) break;
      arm();
      parser.feed(decoder.decode(value, { stream: true }));
      if (tooLarge) {
        await reader.cancel().catch(() => {});
        throw tooLarge;
      }
    }
  } finally {
    if (idleTimer) clearTimeout(idleTimer);
    reader.releaseLock();
  }
}

const describeSize = (chars: number): string =>
  chars >= 1024 * 1024 ? `${chars / (1024 * 1024)} Mi` : chars >= 1024 ? `${chars / 1024} Ki` : String(chars);
