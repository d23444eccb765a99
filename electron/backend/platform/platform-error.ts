export type PlatformErrorCode =
  'platform_unreachable' | 'unauthorized' | 'resync_required' | 'platform_rejected' | 'invalid_response';

/** A failed platform call, with a code the sync engine and the UI branch on. */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  constructor(
    readonly code: PlatformErrorCode,
    message: string,
    /** HTTP status when the platform answered at all. */
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export const isPlatformError = (err: unknown): err is PlatformError => err instanceof PlatformError;
