import { describe, expect, it } from 'vitest';
import { installPlainErrors } from '../../../../shared/api/plain-errors';
import {
  flagFormResolver,
  keyProblem,
  parseRollout,
  type FlagDraft,
} from '../../../../renderer/features/flags/flag-form';

describe('the new-flag form', () => {
  const existing = [
    { key: 'new-checkout', environment: 'production' as const },
    { key: 'dark-mode', environment: 'staging' as const },
  ];

  it('accepts a well-formed key that this environment does not have yet', () => {
    expect(keyProblem('new-checkout', 'staging', existing)).toBeNull();
    expect(keyProblem('beta.search_v2', 'production', existing)).toBeNull();
  });

  it('explains a malformed key with the API’s own rule', () => {
    expect(keyProblem('', 'production', existing)).toBe('Enter a key, like new-checkout.');
    for (const bad of ['New-Checkout', '1st', 'dark mode', `a${'b'.repeat(64)}`]) {
      expect(keyProblem(bad, 'production', existing)).toMatch(/^The key must start with a lowercase letter/);
    }
  });

  it('catches a key this service already has in that environment before it is queued', () => {
    expect(keyProblem('new-checkout', 'production', existing)).toBe(
      'A flag "new-checkout" already exists in production.',
    );
  });
});

describe('a typed rollout', () => {
  it('takes whole numbers from 0 to 100, with or without %', () => {
    expect(parseRollout('0')).toEqual({ ok: true, value: 0 });
    expect(parseRollout(' 25 ')).toEqual({ ok: true, value: 25 });
    expect(parseRollout('100 %')).toEqual({ ok: true, value: 100 });
  });

  it('refuses anything else with a message', () => {
    for (const bad of ['', '-1', '101', '12.5', 'half', '1000']) {
      const parsed = parseRollout(bad);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/0|100/);
    }
  });
});

describe('the new-flag form resolver', () => {
  // As renderer/main.tsx does: zod's messages in plain words.
  installPlainErrors();
  const existing = [{ key: 'new-checkout', environment: 'production' as const }];
  const resolve = (draft: Partial<FlagDraft>) =>
    flagFormResolver(existing)(
      { environment: 'production', key: 'beta', description: '', rollout: '100', ...draft },
      undefined,
      { fields: {}, shouldUseNativeValidation: false },
    );

  it('passes a good draft on as the create arguments, the rollout as a number', async () => {
    expect(await resolve({ rollout: '25 %', description: ' Fast search ' })).toEqual({
      values: { environment: 'production', key: 'beta', description: 'Fast search', rolloutPercent: 25 },
      errors: {},
    });
  });

  it('puts every problem on its own field in plain words, and passes nothing on', async () => {
    const result = await resolve({ key: 'new-checkout', rollout: '150', description: 'd'.repeat(501) });
    expect(result.values).toEqual({});
    expect(result.errors).toEqual({
      key: expect.objectContaining({ message: 'A flag "new-checkout" already exists in production.' }),
      description: expect.objectContaining({ message: 'The description must be at most 500 characters.' }),
      rollout: expect.objectContaining({ message: 'Enter a whole number from 0 to 100.' }),
    });
  });
});
