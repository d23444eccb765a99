import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogListQuery } from '../../../../renderer/features/catalog/data';
import { typeCatalogSearch } from '../../../../renderer/features/catalog/search-typing';
import { toCatalogQuery, useCatalogStore } from '../../../../renderer/features/catalog/store';

/** The backend's `catalog:list` answers, held until a test releases them. */
function heldBackend() {
  const asked: { search: string; answer: (ok: boolean) => void }[] = [];
  const invoke = vi.fn(
    (command: string, input: { search: string }) =>
      new Promise((resolve) => {
        expect(command).toBe('catalog:list');
        asked.push({
          search: input.search,
          answer: (ok) =>
            resolve(
              ok
                ? {
                    ok: true,
                    value: {
                      rows: [],
                      total: 0,
                      totalAll: 0,
                      facets: { teams: [], tiers: [], lifecycles: [] },
                    },
                  }
                : { ok: false, error: { code: 'internal', message: 'The cache is locked.' } },
            ),
        });
      }),
  );
  vi.stubGlobal('window', { pave: { invoke } });
  return { asked, invoke };
}

const view = () => {
  const { search, typing } = useCatalogStore.getState();
  return { search, typing };
};

describe('typing in the catalog search', () => {
  let client: QueryClient;
  beforeEach(() => {
    client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    useCatalogStore.getState().clearFilters();
  });
  afterEach(() => {
    client.clear();
    vi.unstubAllGlobals();
  });

  it('shows the text in the box at once and moves the table only when its rows are cached', async () => {
    const backend = heldBackend();
    const typed = typeCatalogSearch(client, 'pay');
    // The request left before anything rendered, and the table still shows the previous search.
    expect(backend.asked.map((call) => call.search)).toEqual(['pay']);
    expect(view()).toEqual({ search: '', typing: 'pay' });

    backend.asked[0]!.answer(true);
    await typed;
    expect(view()).toEqual({ search: 'pay', typing: null });
    const query = catalogListQuery(toCatalogQuery(useCatalogStore.getState(), 'pay'));
    expect(client.getQueryData(query.queryKey)?.query.search).toBe('pay');
  });

  it('answers a search it has already asked from the cache, without a request', async () => {
    const backend = heldBackend();
    const first = typeCatalogSearch(client, 'pay');
    backend.asked[0]!.answer(true);
    await first;
    const back = typeCatalogSearch(client, 'pay ');
    expect(backend.invoke).toHaveBeenCalledTimes(1);
    await back;
    expect(view()).toEqual({ search: 'pay ', typing: null });
  });

  it('keeps the table on the text the box shows when an older answer lands late', async () => {
    const backend = heldBackend();
    const pa = typeCatalogSearch(client, 'pa');
    const pay = typeCatalogSearch(client, 'pay');
    backend.asked[0]!.answer(true);
    await pa;
    expect(view()).toEqual({ search: '', typing: 'pay' });
    backend.asked[1]!.answer(true);
    await pay;
    expect(view()).toEqual({ search: 'pay', typing: null });
  });

  it('drops a pending search when the filters are cleared', async () => {
    const backend = heldBackend();
    const typed = typeCatalogSearch(client, 'pay');
    useCatalogStore.getState().clearFilters();
    backend.asked[0]!.answer(true);
    await typed;
    expect(view()).toEqual({ search: '', typing: null });
  });

  it('shows the search even when the backend refuses it, so the page shows the error', async () => {
    const backend = heldBackend();
    const typed = typeCatalogSearch(client, 'pay');
    backend.asked[0]!.answer(false);
    await typed;
    expect(view()).toEqual({ search: 'pay', typing: null });
    const query = catalogListQuery(toCatalogQuery(useCatalogStore.getState(), 'pay'));
    expect(client.getQueryState(query.queryKey)?.error?.message).toBe('The cache is locked.');
  });
});
