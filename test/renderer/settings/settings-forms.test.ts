import { describe, expect, it } from 'vitest';
import { installPlainErrors } from '../../../shared/api/plain-errors';
import { PlatformDraft } from '../../../renderer/settings/platform-form';
import { TokenDraft, tokenCreateOf, tokenFieldOf } from '../../../renderer/settings/token-form';

installPlainErrors();

const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));

describe('the token form', () => {
  it('says a missing name and an unknown expiry before sending', () => {
    expect(messages(TokenDraft.safeParse({ name: '  ', expiry: '5' }))).toEqual({
      name: 'Give the token a name',
      expiry: 'must be one of the offered expiries',
    });
  });
  it('sends the trimmed name and the expiry in days, or null for never', () => {
    expect(tokenCreateOf({ name: ' CI ', expiry: '7' })).toEqual({ name: 'CI', expiresInDays: 7 });
    expect(tokenCreateOf({ name: 'CI', expiry: 'never' })).toEqual({ name: 'CI', expiresInDays: null });
    expect(tokenFieldOf('expiresInDays')).toBe('expiry');
    expect(tokenFieldOf('')).toBeNull();
  });
});

describe('the platform connection form', () => {
  it('asks for an http(s) URL and a token of the accepted length', () => {
    expect(messages(PlatformDraft.safeParse({ url: 'ftp://x', token: 'short' }))).toEqual({
      url: 'Enter an http(s) URL, e.g. https://platform.example.com',
      token: 'A token is 10 to 500 characters.',
    });
    expect(
      PlatformDraft.safeParse({ url: ' https://p.example.com ', token: 'pave_0123456789' }).success,
    ).toBe(true);
  });
});
