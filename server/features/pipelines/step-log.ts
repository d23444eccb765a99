import type { ExecutorContext } from '../operations/public';

const FLUSH_MS = 100;
const MAX_BATCH = 200;

/**
 * A step's output into the operation's live log, prefixed with the step's name. Lines are sent in
 * small batches (one log event per ~100 ms), so a chatty `npm install` costs a few writes, not
 * one transaction per line; the viewer still sees them within a fraction of a second.
 */
export function stepLog(ctx: Pick<ExecutorContext, 'log'>, stepName: string) {
  let pending: string[] = [];
  let timer: NodeJS.Timeout | null = null;
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown = null;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending.length === 0) return chain;
    const batch = pending;
    pending = [];
    chain = chain
      .then(() => ctx.log(batch.map((line) => `[${stepName}] ${line}`).join('\n')))
      .catch((error: unknown) => {
        failure ??= error;
      });
    return chain;
  };

  return {
    lines(lines: string[]) {
      pending.push(...lines);
      if (pending.length >= MAX_BATCH) void flush();
      else timer ??= setTimeout(() => void flush(), FLUSH_MS);
    },
    /** Sends what is buffered and waits until every batch is written. */
    async close() {
      await flush();
      if (failure) throw failure;
    },
  };
}
