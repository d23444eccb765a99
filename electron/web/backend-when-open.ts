import type { Backend } from '../backend/host/backend-types';
import { IpcErrorCode } from '../../shared/ipc/result';

/**
 * A Backend that is still opening (SQLite cache, migrations check, features' handlers): the host
 * listens and serves the page's HTML and scripts at once, and IPC requests and event subscriptions
 * wait for it (issue 12, "Start in a second"). The page's first request for data arrives after
 * its scripts have run, by which time the backend is usually open.
 */
export function backendWhenOpen(opening: Promise<Backend>): Backend {
  // A failed open answers every request with a code; the host reports it and exits.
  const ready = opening.then(
    (backend) => ({ backend }),
    (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
  );
  return {
    async dispatch(command, input) {
      const opened = await ready;
      if ('error' in opened) {
        return {
          ok: false,
          error: { code: IpcErrorCode.internal, message: `Pave could not open its cache: ${opened.error}` },
        };
      }
      return opened.backend.dispatch(command, input);
    },
    on(event, listener) {
      let unsubscribe: (() => void) | undefined;
      let cancelled = false;
      void ready.then((opened) => {
        if (!cancelled && 'backend' in opened) unsubscribe = opened.backend.on(event, listener);
      });
      return () => {
        cancelled = true;
        unsubscribe?.();
      };
    },
    async close() {
      const opened = await ready;
      if ('backend' in opened) await opened.backend.close();
    },
  };
}
