import { z } from 'zod';

/**
 * The sync cursor is opaque to clients: base64url of this JSON. `floor` is server_meta.min_seq
 * when the cursor was issued: a client that started from scratch after a prune has a cursor
 * below min_seq while it pages through the log, yet missed nothing, as long as no prune
 * happened since (floor still equals min_seq).
 */
const CursorPayload = z.object({
  v: z.literal(1),
  epoch: z.string().min(1),
  seq: z.number().int().min(0),
  floor: z.number().int().min(0).default(0),
  /**
   * The reader's scope fingerprint (sync-scope.ts): what the pages so far were filtered for. A
   * cursor from before scoped sync has none, and resyncs like any changed scope.
   */
  scope: z.string().default(''),
});
export type CursorPayload = z.infer<typeof CursorPayload>;

export function encodeCursor(epoch: string, seq: number, floor = 0, scope = ''): string {
  const payload: CursorPayload = { v: 1, epoch, seq, floor, scope };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

/** Returns null for anything that is not a cursor this server version wrote. */
export function decodeCursor(cursor: string): CursorPayload | null {
  try {
    const parsed = CursorPayload.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
