import { describe, expect, it } from 'vitest';
import { appEntryUrl } from '../../electron/main/app-origin';
import { appUrlForDeepLink, deepLinkIn } from '../../electron/main/deep-link';

describe('appUrlForDeepLink', () => {
  it.each([
    ['pave://catalog', '#/catalog'],
    ['pave://catalog?q=pay&sort=team', '#/catalog?q=pay&sort=team'],
    ['pave://services/payments-api', '#/services/payments-api'],
    ['pave:///backlog?item=b-12', '#/backlog?item=b-12'],
    ['pave:support', '#/support'],
    ['PAVE://catalog/', '#/catalog'],
    ['pave://services/team%20a', '#/services/team%20a'],
    // A space the OS left unescaped is escaped as the URL parser does.
    ['pave://services/team a', '#/services/team%20a'],
    // The view is re-encoded: a page only ever sees key=value pairs.
    ['pave://catalog?q=a b&x=<script>', '#/catalog?q=a+b&x=%3Cscript%3E'],
    ['pave://catalog#ignored', '#/catalog'],
  ])('opens %s at %s', (link, hash) => {
    expect(appUrlForDeepLink(link)).toBe(`${appEntryUrl}${hash}`);
  });

  it.each([
    'https://catalog',
    'app://pave/index.html',
    'javascript:alert(1)',
    'pave://user:secret@catalog',
    'pave://catalog:8080',
    "pave://services/it's",
    'pave://services/%zz',
    'not a link',
    `pave://catalog?q=${'x'.repeat(2_100)}`,
  ])('refuses %s', (link) => {
    expect(appUrlForDeepLink(link)).toBeUndefined();
  });

  it.each(['pave://', 'pave:'])('opens the home page for the bare link %s', (link) => {
    expect(appUrlForDeepLink(link)).toBe(`${appEntryUrl}#/`);
  });
});

describe('deepLinkIn', () => {
  it('finds the link among launch arguments', () => {
    expect(deepLinkIn(['/opt/Pave/pave', '--no-sandbox', 'pave://catalog?q=x'])).toBe('pave://catalog?q=x');
    expect(deepLinkIn(['/opt/Pave/pave', '--flag'])).toBeUndefined();
  });
});
