export type CopyResult = 'copied' | 'failed';

/**
 * Writes `text` to the clipboard. The clipboard is passed in (navigator.clipboard in the app) so
 * the refusal path — no clipboard, or a permission denied — is testable without a browser.
 */
export async function copyText(
  clipboard: Pick<Clipboard, 'writeText'> | undefined,
  text: string,
): Promise<CopyResult> {
  if (!clipboard) return 'failed';
  try {
    await clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'failed';
  }
}
