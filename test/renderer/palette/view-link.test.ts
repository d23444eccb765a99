import { describe, expect, it } from 'vitest';
import { appEntryUrl } from '../../../electron/main/app-origin';
import { appUrlForDeepLink } from '../../../electron/main/deep-link';
import { deepLinkForHash } from '../../../renderer/palette/view-link';

describe('deepLinkForHash', () => {
  it.each([
    ['#/catalog?q=pay&sort=team%3Adesc', 'pave://catalog?q=pay&sort=team%3Adesc'],
    ['#/services/payments-api', 'pave://services/payments-api'],
    ['#/', 'pave://'],
    ['', 'pave://'],
  ])('links %s as %s', (hash, link) => {
    expect(deepLinkForHash(hash)).toBe(link);
  });

  it('gives a link the desktop app opens at the same hash', () => {
    const hash = '#/backlog?sort=score%3Adesc&item=b-12';
    expect(appUrlForDeepLink(deepLinkForHash(hash))).toBe(`${appEntryUrl}${hash}`);
  });
});
