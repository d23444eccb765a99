import { PlatformError } from './platform-error';

/**
 * Response size caps (docs/architecture.md, "Sync and push"). A changes page is the biggest
 * answer the platform gives (1,000 changes of a few KiB each); everything else is far smaller.
 * Past the cap the body is abandoned mid-stream, so a broken or hostile platform cannot make the
 * backend buffer it until the heap runs out.
 */
export const MAX_CHANGES_PAGE_BYTES = 64 * 1024 * 1024;
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** An error body is a sentence; a proxy's HTML page is cut to this much. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

export const describeBytes = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`
    : bytes >= 1024
      ? `${Math.round((bytes / 1024) * 10) / 10} KiB`
      : `${bytes} bytes`;

const tooLarge = (limit: number, what: string, status: number) =>
  new PlatformError(
    'invalid_response',
    `the platform sent more than ${describeBytes(limit)} for ${what}; the answer was refused`,
    status,
  );

/**
 * Reads `res`'s body as UTF-8 text, at most `limit` bytes: a declared Content-Length past the
 * cap is refused before reading, and a body that grows past it is cancelled as soon as it does.
 * With `truncate`, the first `limit` bytes are kept instead (error pages).
 */
export async function readBodyText(
  res: Response,
  limit: number,
  what: string,
  { truncate = false } = {},
): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (!truncate && Number.isFinite(declared) && declared > limit) {
    await res.body?.cancel().catch(() => {});
    throw tooLarge(limit, what, res.status);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (total + value.byteLength > limit) {
        await reader.cancel().catch(() => {});
        if (!truncate) throw tooLarge(limit, what, res.status);
        chunks.push(value.subarray(0, limit - total));
        total = limit;
        break;
      }
      chunks.push(value);
      total += value.byteLength;
    }
  } finally {
    reader.releaseLock();
  }
  return new TextDecoder().decode(Buffer.concat(chunks, total));
}
