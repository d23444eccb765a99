import { expect, syncState, test } from './support/fixtures';

interface ServiceList {
  items: { id: string; name: string }[];
}

test('a keystroke re-renders only the search box; the table changes once, when its rows arrive', async ({
  openApp,
  platform,
}) => {
  const { page } = await openApp();
  await expect(syncState(page)).toHaveAttribute('data-state', 'online');
  const table = page.getByTestId('catalog-table');
  await expect(table).toHaveAttribute('data-search', '');
  const { items } = await platform.api<ServiceList>('GET', '/v1/services');
  const key = items[0]!.name[0]!;

  // Hold every catalog:list answer until the test lets it through.
  await page.evaluate(() => {
    const scope = window as unknown as {
      pave: { invoke: (command: string, input: unknown) => Promise<unknown> };
      release: () => void;
      held: number;
    };
    const invoke = scope.pave.invoke.bind(scope.pave);
    const gates: (() => void)[] = [];
    scope.held = 0;
    scope.release = () => gates.splice(0).forEach((open) => open());
    scope.pave.invoke = async (command, input) => {
      const answer = await invoke(command, input);
      if (command !== 'catalog:list') return answer;
      scope.held += 1;
      await new Promise<void>((open) => gates.push(open));
      return answer;
    };
  });

  const search = page.getByTestId('catalog-search');
  await search.focus();
  await page.keyboard.press(key);
  await expect.poll(() => page.evaluate(() => (window as unknown as { held: number }).held)).toBe(1);
  // The answer is held: the box shows the key, the table still shows every row, undimmed.
  await expect(search).toHaveValue(key);
  await expect(page.locator('.catalog-search')).toHaveAttribute('data-pending', 'true');
  await expect(table).toHaveAttribute('data-search', '');
  await expect(table).toHaveAttribute('data-placeholder', 'false');

  await page.evaluate(() => (window as unknown as { release: () => void }).release());
  await expect(table).toHaveAttribute('data-search', key);
  await expect(table).toHaveAttribute('data-placeholder', 'false');
  await expect(page.locator('.catalog-search')).toHaveAttribute('data-pending', 'false');
  await expect(page).toHaveURL(new RegExp(`#/catalog\\?q=${key}$`));

  // Escape goes back to every row from the query cache: nothing is asked, nothing held.
  await page.keyboard.press('Escape');
  await expect(table).toHaveAttribute('data-search', '');
  await expect(search).toHaveValue('');
  expect(await page.evaluate(() => (window as unknown as { held: number }).held)).toBe(1);
});
