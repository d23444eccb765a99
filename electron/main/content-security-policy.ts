import { contentSecurityPolicy } from '../web/content-security-policy';
import { isAppUrl } from './app-origin';

type ResponseHeaders = Record<string, string[] | string>;

/** The part of Electron's Session this guard uses. */
export interface HeaderSession {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: ResponseHeaders },
        callback: (response: { responseHeaders?: ResponseHeaders }) => void,
      ) => void,
    ): void;
  };
}

/** Replaces any CSP the response carries with ours; header names are case-insensitive. */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined): ResponseHeaders {
  const result: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [contentSecurityPolicy];
  return result;
}

/**
 * The same strict CSP as browser mode, on every response from the app's origin. The app:// protocol
 * handler sets it too: this hook also covers anything Chromium loads for our pages by other paths.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#7-define-a-content-security-policy
 */
export function applyContentSecurityPolicy(session: HeaderSession): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url)) {
      callback({});
      return;
    }
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}
