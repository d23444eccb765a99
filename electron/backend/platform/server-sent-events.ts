import { createParser, type EventSourceMessage } from 'eventsource-parser';

export class StreamIdleError extends Error {
  override readonly name = 'StreamIdleError';
}

/**
 * Feeds a fetch response body through eventsource-parser until the stream ends. A connection
 * that silently died (no FIN, e.g. a laptop changing networks) would otherwise hang forever:
 * the server sends a heartbeat comment every 15 s, so `idleMs` without a byte means it is gone.
 */
export async function readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: EventSourceMessage) => void,
  idleMs = 45_000,
): Promise<void> {
  const parser = createParser({ onEvent });
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
    }
  } finally {
    if (idleTimer) clearTimeout(idleTimer);
    reader.releaseLock();
  }
}
