import { describe, expect, it } from 'vitest';
import { installPlainErrors } from '../../../../shared/api/plain-errors';
import { plainResolver } from '../../../../renderer/components/form-refusal';
import { AlertRuleDraft } from '../../../../renderer/features/self-service/AlertRuleEditor';
import { deployResolver, type DeployDraft } from '../../../../renderer/features/self-service/DeployControls';

// As renderer/main.tsx does: zod's messages in plain words.
installPlainErrors();
const options = { fields: {}, shouldUseNativeValidation: false } as const;

describe('the deploy controls', () => {
  const draft = (over: Partial<DeployDraft> = {}): DeployDraft => ({
    version: '',
    asCanary: false,
    weight: '10',
    seconds: '60',
    ...over,
  });

  it('deploy the head of main, or the chosen version', async () => {
    expect(await deployResolver(false)(draft(), undefined, options)).toEqual({ values: {}, errors: {} });
    expect(await deployResolver(false)(draft({ version: 'abc1234' }), undefined, options)).toEqual({
      values: { version: 'abc1234' },
      errors: {},
    });
  });

  it('send a canary with the numbers as numbers, in production only', async () => {
    const canary = draft({ asCanary: true, weight: '20', seconds: '600' });
    expect(await deployResolver(true)(canary, undefined, options)).toEqual({
      values: { canary: { weightPercent: 20, windowSeconds: 600 } },
      errors: {},
    });
    // Another environment ignores a canary choice it never offered.
    expect(await deployResolver(false)(canary, undefined, options)).toEqual({ values: {}, errors: {} });
  });

  it('refuse canary numbers out of range at their own field, in words', async () => {
    const result = await deployResolver(true)(
      draft({ asCanary: true, weight: '80', seconds: '' }),
      undefined,
      options,
    );
    expect(result.values).toEqual({});
    expect(result.errors).toEqual({
      weight: expect.objectContaining({ message: 'Weight must be at most 50' }),
      seconds: expect.objectContaining({ message: 'Window is required' }),
    });
  });
});

describe('the alert rule’s seconds', () => {
  const resolve = plainResolver(AlertRuleDraft, { unhealthySeconds: 'Seconds' });

  it('take a whole number from 1 to 86400, typed as text', async () => {
    expect(await resolve({ unhealthySeconds: ' 45 ' }, undefined, options)).toEqual({
      values: { unhealthySeconds: 45 },
      errors: {},
    });
  });

  it('say what is wrong in words, never a schema path', async () => {
    const message = async (typed: string) =>
      (await resolve({ unhealthySeconds: typed }, undefined, options)).errors.unhealthySeconds?.message;
    expect(await message('')).toBe('Seconds is required');
    expect(await message('0')).toBe('Seconds must be at least 1');
    expect(await message('1.5')).toBe('Seconds must be a whole number');
    expect(await message('soon')).toBe('Seconds must be a number');
    expect(await message('100000')).toBe('Seconds must be at most 86400');
  });
});
