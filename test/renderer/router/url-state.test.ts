import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { catalogUrlCodec } from '../../../renderer/features/catalog/url-state';
import { defaultSort, type CatalogFilters } from '../../../renderer/features/catalog/store';
import {
  hashPath,
  hashQuery,
  flushUrlWrites,
  mirrorStoreToUrl,
  withHashQuery,
  type UrlCodec,
} from '../../../renderer/router/url-state';
import type { Href } from '../../../renderer/router/route-path';

describe('a view in the hash', () => {
  it('splits the route from the view and puts them back together', () => {
    expect(hashPath('#/catalog?tier=1')).toBe('#/catalog');
    expect(hashQuery('#/catalog?tier=1&tier=2').getAll('tier')).toEqual(['1', '2']);
    expect(hashQuery('#/catalog').toString()).toBe('');
    expect(withHashQuery('#/catalog', new URLSearchParams('q=pay'))).toBe('#/catalog?q=pay');
    expect(withHashQuery('#/catalog', new URLSearchParams())).toBe('#/catalog');
  });
});

describe('the catalog’s view in its URL', () => {
  const view: CatalogFilters = {
    search: 'pay ments',
    teamIds: ['team-1', 'team-2'],
    tiers: [1, 3],
    lifecycles: ['production'],
    sort: { column: 'tier', direction: 'desc' },
  };

  it('round-trips search, filters and sort', () => {
    const params = catalogUrlCodec.toParams(view);
    expect(params.toString()).toBe(
      'q=pay+ments&team=team-1&team=team-2&tier=1&tier=3&lifecycle=production&sort=tier%3Adesc',
    );
    expect(catalogUrlCodec.fromParams(params)).toEqual(view);
  });

  it('leaves defaults out, so the plain catalog has a plain URL', () => {
    const plain: CatalogFilters = { search: '  ', teamIds: [], tiers: [], lifecycles: [], sort: defaultSort };
    expect(catalogUrlCodec.toParams(plain).toString()).toBe('');
    expect(catalogUrlCodec.fromParams(new URLSearchParams())).toEqual({});
  });

  it('ignores what it does not know instead of trusting it', () => {
    const odd = new URLSearchParams(
      'tier=9&tier=x&tier=2&tier=2&lifecycle=retired&sort=owner:asc&team=&extra=1&q=' + 'x'.repeat(500),
    );
    expect(catalogUrlCodec.fromParams(odd)).toEqual({ tiers: [2], search: 'x'.repeat(200) });
    expect(catalogUrlCodec.fromParams(new URLSearchParams('sort=name:sideways'))).toEqual({});
  });
});

describe('mirroring a view into the URL', () => {
  const codec: UrlCodec<{ q: string }> = {
    toParams: (view) => new URLSearchParams(view.q ? { q: view.q } : {}),
    fromParams: (params) => (params.get('q') === null ? {} : { q: params.get('q') ?? '' }),
  };
  const page = '#/catalog' as Href;

  /** A window whose address only replaceState changes (as in the browser, without hashchange). */
  function browser(hash: string) {
    vi.useFakeTimers();
    const location = { hash };
    const replaceState = vi.fn((_state: unknown, _title: string, url: string) => (location.hash = url));
    vi.stubGlobal('window', { location, history: { state: null, replaceState } });
    // A frame every 16 ms, as the fake timers count them.
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 16));
    vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
    return { location, replaceState };
  }

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('applies the URL’s view, then writes changes once per frame, after it', () => {
    const { location, replaceState } = browser('#/catalog?q=pay');
    const store = createStore<{ q: string }>()(() => ({ q: '' }));
    const stop = mirrorStoreToUrl(store, codec, page);
    expect(store.getState().q).toBe('pay');

    store.setState({ q: 'pa' });
    store.setState({ q: 'pay' });
    store.setState({ q: 'paym' });
    // Nothing while the frame that shows the change is being made…
    expect(replaceState).not.toHaveBeenCalled();
    vi.advanceTimersByTime(16);
    expect(replaceState).not.toHaveBeenCalled();
    // …then one write, of the latest view.
    vi.advanceTimersByTime(1);
    expect(replaceState).toHaveBeenCalledTimes(1);
    expect(location.hash).toBe('#/catalog?q=paym');
    stop();
  });

  it('writes the page’s own address when it was opened without one', () => {
    const { location } = browser('');
    const stop = mirrorStoreToUrl(
      createStore<{ q: string }>()(() => ({ q: '' })),
      codec,
      page,
    );
    expect(location.hash).toBe('#/catalog');
    stop();
  });

  it('never overwrites the address of a page opened in between, nor writes after it stops', () => {
    const { location, replaceState } = browser('#/catalog');
    const store = createStore<{ q: string }>()(() => ({ q: '' }));
    const stop = mirrorStoreToUrl(store, codec, page);
    store.setState({ q: 'pay' });
    location.hash = '#/catalog/services/svc-1';
    vi.advanceTimersByTime(100);
    expect(replaceState).not.toHaveBeenCalled();
    expect(location.hash).toBe('#/catalog/services/svc-1');

    location.hash = '#/catalog';
    store.setState({ q: 'ledger' });
    stop();
    vi.advanceTimersByTime(100);
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('writes a waiting view at once when the app navigates away', () => {
    const { location, replaceState } = browser('#/catalog');
    const store = createStore<{ q: string }>()(() => ({ q: '' }));
    const stop = mirrorStoreToUrl(store, codec, page);
    store.setState({ q: 'pay' });
    flushUrlWrites();
    expect(location.hash).toBe('#/catalog?q=pay');
    // Written once: the frame's write is cancelled.
    vi.advanceTimersByTime(100);
    expect(replaceState).toHaveBeenCalledTimes(1);
    stop();
  });
});
