import { expect, type Locator, type Page } from '@playwright/test';
import { findLayoutProblems, type LayoutProblem } from './overflow-detector';

/** The four ways every page is looked at. */
export const views = [
  { width: 1024, scheme: 'light' },
  { width: 1024, scheme: 'dark' },
  { width: 1440, scheme: 'light' },
  { width: 1440, scheme: 'dark' },
] as const;
type View = (typeof views)[number];

export interface Finding extends LayoutProblem {
  where: string;
  view: View;
}

/**
 * The page is done: the app has loaded (ready, or showing a fatal page), the shell's `<main>` has no
 * query in flight, fonts are in and
 * the layout of the last change (resize, scheme, data) has been painted twice (a ResizeObserver's
 * re-render lands in the frame after the one that triggered it).
 */
export async function settle(page: Page): Promise<void> {
  await expect(page.locator('html:is([data-app-state="ready"], [data-app-state="error"])')).toBeAttached();
  await expect(page.locator('main.app-main[aria-busy="true"]')).toHaveCount(0);
  await page.evaluate(async () => {
    await document.fonts.ready;
    for (let frame = 0; frame < 3; frame += 1) await new Promise(requestAnimationFrame);
  });
}

/** Looks at the page as it is now (or only inside `scope`) in every view; returns what is wrong. */
export async function inspect(page: Page, where: string, scope?: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const view of views) {
    await page.setViewportSize({ width: view.width, height: 800 });
    await page.emulateMedia({ colorScheme: view.scheme });
    await settle(page);
    const problems = await page.evaluate(findLayoutProblems, scope ?? null);
    findings.push(...problems.map((problem) => ({ ...problem, where, view })));
  }
  return findings;
}

/**
 * One line per problem, the views it shows in gathered: "Backlog › span.title "Deploy…": text is
 * cut … — light 1024, dark 1024".
 */
export function formatFindings(findings: readonly Finding[]): string[] {
  const grouped = new Map<string, Set<string>>();
  for (const finding of findings) {
    const key = `${finding.where} › ${finding.selector}${finding.text ? ` "${finding.text}"` : ''}: ${finding.why}`;
    const seen = grouped.get(key) ?? new Set<string>();
    seen.add(`${finding.view.scheme} ${finding.view.width}`);
    grouped.set(key, seen);
  }
  return [...grouped].map(([key, seenIn]) => `${key} — ${[...seenIn].join(', ')}`);
}

/** The sidebar's links, in order: every page a user can reach, so a new page cannot be forgotten. */
export async function sidebarPages(page: Page): Promise<{ label: string; href: string }[]> {
  return page.locator('nav.sidebar a[href^="#/"]').evaluateAll((links) =>
    links.map((link) => ({
      // The label is the link's own text, without its icon and count badge.
      label: [...link.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent)
        .join('')
        .trim(),
      href: link.getAttribute('href') ?? '',
    })),
  );
}

/** The rows and cards of the list on screen: what a user clicks to reach a detail. Header rows are left out. */
function openers(page: Page): Locator {
  return page.locator(
    'main :is([data-testid$="-row"], [data-testid$="-card"]):not([data-testid*="head"]):visible',
  );
}

export function countRows(page: Page): Promise<number> {
  return openers(page).count();
}

/** Clicks the row at `index` of the list on screen: its link, else its title, else its start. */
export async function openRow(page: Page, index: number): Promise<void> {
  const row = openers(page).nth(index);
  const link = row.locator('a[href^="#/"]').first();
  const title = row.locator('[data-testid$="-title"]').first();
  if ((await link.count()) > 0) await link.click();
  else if ((await title.count()) > 0) await title.click();
  else {
    // Near the start of the row, where its name is, away from the buttons rows end with (Revoke…).
    const box = await row.boundingBox();
    await row.click({ position: { x: 12, y: (box?.height ?? 20) / 2 } });
  }
  await settle(page);
}

/** The buttons that open a "new …" form on a list page (New request, New survey). */
export function newFormButtons(page: Page): Locator {
  return page.locator('main [data-testid$="-new"]:visible');
}

/** Goes to `href` the way a user does, through the sidebar. */
export async function goTo(page: Page, href: string): Promise<void> {
  await page.locator(`nav.sidebar a[href="${href}"]`).click();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|\\?)`));
  await settle(page);
}
