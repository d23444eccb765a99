import { z } from 'zod';

/** The sync cursor is opaque to clients: base64url of this JSON. */
const CursorPayload = z.object({ v: z.literal(1), epoch: z.string().min(1), seq: z.number().int().min(0) });
export type CursorPayload = z.infer<typeof CursorPayload>;

export function encodeCursor(epoch: string, seq: number): string {
  const payload: CursorPayload = { v: 1, epoch, seq };
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
