/**
 * The renderer is served from a custom standard+secure scheme instead of file://, so it has a real
 * origin that every guard (navigation, IPC sender, CSP, permissions) can compare against.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
 */
export const appScheme = 'app';
export const appHost = 'pave';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** Node's URL gives non-special schemes the origin "null", so compare scheme and host instead. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}
