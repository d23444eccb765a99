import { describe, expect, it } from 'vitest';
import { appEntryUrl, isAppUrl } from '../../electron/main/app-origin';

describe('isAppUrl', () => {
  it.each([appEntryUrl, 'app://pave/', 'app://pave/assets/index.js?x=1#y', 'app://pave'])(
    'accepts %s',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
    },
  );

  it.each([
    'app://evil/index.html',
    'app://pave.evil/index.html',
    'app://pave:8080/index.html',
    'https://pave/index.html',
    'file:///app/index.html',
    'http://127.0.0.1:5173/',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});
