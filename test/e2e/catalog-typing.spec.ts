import { expect, syncState, test } from './support/fixtures';

interface ServiceList {
  items: { id: string; name: string }[];
}

/** What the page records about each `catalog:list` call (see the wrapper installed below). */
interface Asked {
  search: string;
  /** The search the table showed, and whether it was dimmed, when the call left. */
  shownSearch: string | null;
  shownPlaceholder: string | null;
}

test('a keystroke asks for its rows before the page re-renders, once', async ({ openApp, platform }) => {
  const { page } = await openApp();
  await expect(syncState(page)).toHaveAttribute('data-state', 'online');
  const table = page.getByTestId('catalog-table');
  await expect(table).toHaveAttribute('data-search', '');
  const { items } = await platform.api<ServiceList>('GET', '/v1/services');
  const target = items[0]!;

  // Every catalog:list call, with what the table showed at the moment it left.
  await page.evaluate(() => {
    const scope = window as unknown as {
      pave: { invoke: (command: string, input: unknown) => Promise<unknown> };
      asked: Asked[];
    };
    const invoke = scope.pave.invoke.bind(scope.pave);
    scope.asked = [];
    scope.pave.invoke = (command, input) => {
      if (command === 'catalog:list') {
        const shown = document.querySelector('[data-testid="catalog-table"]');
        scope.asked.push({
          search: (input as { search: string }).search,
          shownSearch: shown?.getAttribute('data-search') ?? null,
          shownPlaceholder: shown?.getAttribute('data-placeholder') ?? null,
        });
      }
      return invoke(command, input);
    };
  });

  await page.getByTestId('catalog-search').focus();
  await page.keyboard.press(target.name[0]!);
  await expect(table).toHaveAttribute('data-search', target.name[0]!);
  await expect(table).toHaveAttribute('data-placeholder', 'false');
  await expect(page.locator(`[data-testid="service-row"]`).first()).toBeVisible();

  const asked = await page.evaluate(() => (window as unknown as { asked: Asked[] }).asked);
  const forKey = asked.filter((call) => call.search === target.name[0]);
  // One round trip for the keystroke, and it left while the table still showed the previous
  // rows undimmed: the request does not wait for React to render the keystroke first.
  expect(forKey).toEqual([{ search: target.name[0], shownSearch: '', shownPlaceholder: 'false' }]);
});
