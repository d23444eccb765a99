/**
 * The one Content-Security-Policy for Pave's pages, in Electron (app://pave) and in browser mode.
 * No inline or remote script, no plugins, no framing; the renderer only talks to its own origin.
 * Inline styles stay allowed because React components set `style` attributes.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#7-define-a-content-security-policy
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
