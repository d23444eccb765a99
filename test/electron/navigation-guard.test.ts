import { describe, expect, it, vi } from 'vitest';
import {
  guardNavigation,
  isSafeExternalUrl,
  type GuardedContents,
  type NavigationEvent,
} from '../../electron/main/navigation-guard';

/** A plain stand-in for WebContents that keeps the listeners the guard registers. */
function fakeContents() {
  const listeners = new Map<string, (event: NavigationEvent) => void>();
  let windowOpen: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents: GuardedContents = {
    on(event: string, listener: (event: NavigationEvent) => void) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler) {
      windowOpen = handler;
    },
  };
  const fire = (name: string, url = '') => {
    const event = { url, preventDefault: vi.fn() };
    listeners.get(name)?.(event);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => windowOpen?.({ url }) };
}

function guarded() {
  const fake = fakeContents();
  const openExternal = vi.fn((_url: string) => Promise.resolve());
  const log = vi.fn();
  guardNavigation(fake.contents, openExternal, log);
  return { ...fake, openExternal, log };
}

describe('guardNavigation', () => {
  it('lets the app navigate within its own origin', () => {
    const { fire, openExternal } = guarded();
    expect(fire('will-navigate', 'app://pave/index.html#/services')).toBe(false);
    expect(fire('will-redirect', 'app://pave/index.html')).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('prevents navigation away and sends https links to the browser', () => {
    const { fire, openExternal } = guarded();
    expect(fire('will-navigate', 'https://docs.example.com/')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://docs.example.com/');
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'http://example.com/',
    'app://evil/',
    'smb://host/share',
  ])('prevents navigating to %s and opens nothing', (url) => {
    const { fire, openExternal, log } = guarded();
    expect(fire('will-navigate', url)).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
    if (!url.startsWith('app:')) expect(log).toHaveBeenCalledWith(expect.stringContaining('Refused'));
  });

  it('prevents redirects off the app origin without opening them', () => {
    const { fire, openExternal } = guarded();
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window; only https ones reach the browser', () => {
    const { open, openExternal } = guarded();
    expect(open('https://example.com/a')).toEqual({ action: 'deny' });
    expect(open('app://pave/index.html')).toEqual({ action: 'deny' });
    expect(open('file:///tmp/x')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/a']]);
  });

  it('prevents every <webview> from attaching', () => {
    const { fire } = guarded();
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('logs, rather than throws, when the OS cannot open a link', async () => {
    const fake = fakeContents();
    const log = vi.fn();
    const failed = Promise.reject(new Error('no handler'));
    guardNavigation(fake.contents, () => failed, log);
    fake.open('https://example.com/');
    await failed.catch(() => undefined);
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringContaining('no handler')));
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts only https', () => {
    expect(isSafeExternalUrl('https://example.com')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(false);
    expect(isSafeExternalUrl('mailto:a@b.c')).toBe(false);
    expect(isSafeExternalUrl('nonsense')).toBe(false);
  });
});
