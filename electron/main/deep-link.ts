import { appEntryUrl } from './app-origin';

/**
 * `pave://` links open a page of the app with its view, e.g. `pave://catalog?q=pay&sort=team` or
 * `pave://services/payments-api`: the part after the scheme is the page's hash route and the query
 * is the view kept in the URL (docs/architecture.md, "Core"). The operating system hands the link
 * over as a launch argument (Windows, Linux) or an `open-url` event (macOS).
 */
export const deepLinkScheme = 'pave';

const MAX_LINK_LENGTH = 2_048;
// Route segments are names and ids; %-escapes pass through to the router, which decodes them.
const SEGMENT = /^(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})+$/;

/**
 * The app URL a `pave://` link opens, or undefined for anything else: another scheme, a user,
 * password or port, `.`/`..` segments or characters a route never has. The query is re-encoded
 * so nothing but `key=value` pairs reaches the page, which validates its view itself.
 */
export function appUrlForDeepLink(link: string): string | undefined {
  if (link.length > MAX_LINK_LENGTH) return undefined;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${deepLinkScheme}:` || url.username || url.password || url.port) return undefined;
  // `pave://catalog` has the route's first segment as its host; `pave:///catalog` has none.
  const segments = `${url.host}/${url.pathname}`.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => !SEGMENT.test(segment) || segment === '.' || segment === '..')) {
    return undefined;
  }
  const view = new URLSearchParams(url.search).toString();
  return `${appEntryUrl}#/${segments.join('/')}${view ? `?${view}` : ''}`;
}

/** The first `pave://` link among a process's arguments (how Windows and Linux pass it). */
export function deepLinkIn(argv: readonly string[]): string | undefined {
  return argv.find((argument) => argument.toLowerCase().startsWith(`${deepLinkScheme}:`));
}
