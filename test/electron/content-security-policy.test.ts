import { describe, expect, it } from 'vitest';
import {
  applyContentSecurityPolicy,
  withContentSecurityPolicy,
  type HeaderSession,
} from '../../electron/main/content-security-policy';
import { contentSecurityPolicy } from '../../electron/web/content-security-policy';

type Listener = Parameters<HeaderSession['webRequest']['onHeadersReceived']>[0];

function sessionWithListener() {
  let listener: Listener | undefined;
  const session: HeaderSession = { webRequest: { onHeadersReceived: (l) => (listener = l) } };
  applyContentSecurityPolicy(session);
  return (url: string, responseHeaders?: Record<string, string[]>) =>
    new Promise<{ responseHeaders?: Record<string, string[] | string> }>((resolve) =>
      listener?.({ url, ...(responseHeaders ? { responseHeaders } : {}) }, resolve),
    );
}

describe('applyContentSecurityPolicy', () => {
  it("adds the strict policy to the app's pages, replacing any other", async () => {
    const respond = sessionWithListener();
    const answer = await respond('app://pave/index.html', {
      'content-security-policy': ['default-src *'],
      'Content-Type': ['text/html'],
    });
    expect(answer.responseHeaders).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [contentSecurityPolicy],
    });
  });

  it('leaves other origins untouched', async () => {
    const respond = sessionWithListener();
    expect(await respond('https://platform.example/v1/health', { a: ['b'] })).toEqual({});
  });

  it("is the same strict policy as browser mode's", () => {
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).toContain("object-src 'none'");
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(withContentSecurityPolicy(undefined)).toEqual({
      'Content-Security-Policy': [contentSecurityPolicy],
    });
  });
});
