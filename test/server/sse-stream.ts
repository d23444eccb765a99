import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** An SSE connection for tests: `next(predicate)` resolves with the first matching event. */
export async function openEventStream(url: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  const received: EventSourceMessage[] = [];
  const waiters: {
    match: (event: EventSourceMessage) => boolean;
    resolve: (event: EventSourceMessage) => void;
  }[] = [];
  const parser = createParser({
    onEvent(event) {
      received.push(event);
      for (const waiter of [...waiters]) {
        if (waiter.match(event)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(event);
        }
      }
    },
  });
  const pump = (async () => {
    const reader = response.body?.getReader();
    if (!reader) return;
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch {
      // Aborted by close() or the server went away: the stream just ends.
    }
  })();
  return {
    response,
    received,
    next(match: (event: EventSourceMessage) => boolean): Promise<EventSourceMessage> {
      const already = received.find(match);
      if (already) return Promise.resolve(already);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    /** Resolves when the server ends the stream. */
    ended: pump,
    close() {
      abort.abort();
      return pump;
    },
  };
}
