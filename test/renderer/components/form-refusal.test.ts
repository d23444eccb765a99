import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { installPlainErrors } from '../../../shared/api/plain-errors';
import { plainResolver, refusalByField } from '../../../renderer/components/form-refusal';
import { IpcError } from '../../../renderer/data/ipc-error';

// As renderer/main.tsx does: zod's messages in plain words.
installPlainErrors();

const resolverOptions = { fields: {}, shouldUseNativeValidation: false } as const;

describe('a refusal split for a form', () => {
  it('puts each reason on its own field, a list item on its list, the argument wrapper stripped', () => {
    const err = new IpcError({
      code: 'invalid_input',
      message: 'Some of what you entered cannot be used.',
      fields: [
        { path: 'patch.title', message: 'Title is required' },
        { path: 'patch.tags.2', message: 'Tag 3 must be at most 50 characters' },
        { path: 'patch.tags.4', message: 'Tag 5 must be at most 50 characters' },
      ],
    });
    expect(refusalByField(err, ['title', 'tags'], { prefix: 'patch.' })).toEqual({
      fields: [
        { name: 'title', message: 'Title is required' },
        { name: 'tags', message: 'Tag 3 must be at most 50 characters' },
      ],
      message: null,
    });
  });

  it('keeps a form-level message when a reason names no field of the form', () => {
    const err = new IpcError({
      code: 'invalid_input',
      message: 'Some of what you entered cannot be used.',
      fields: [
        { path: 'title', message: 'Title is required' },
        { path: 'serviceId', message: 'Service is required' },
      ],
    });
    const split = refusalByField(err, ['title']);
    expect(split.fields).toEqual([{ name: 'title', message: 'Title is required' }]);
    expect(split.message).toBe('Some of what you entered cannot be used.');
  });

  it('places a refusal that is about one field by its code, as a sentence', () => {
    const err = new IpcError({ code: 'flag_exists', message: 'a flag "beta" already exists in staging' });
    expect(refusalByField(err, ['key', 'rollout'], { byCode: { flag_exists: 'key' } })).toEqual({
      fields: [{ name: 'key', message: 'A flag "beta" already exists in staging' }],
      message: null,
    });
  });

  it('leaves a refusal about the whole request (offline, unreachable) for the form to say', () => {
    const err = new IpcError({ code: 'offline', message: 'Changing an alert rule needs the platform.' });
    expect(refusalByField(err, ['unhealthySeconds'])).toEqual({
      fields: [],
      message: 'Changing an alert rule needs the platform.',
    });
  });
});

describe('a resolver from a shared schema', () => {
  const schema = z.object({
    seconds: z
      .string()
      .trim()
      .min(1)
      .pipe(z.coerce.number<string>().pipe(z.number().int().min(1))),
    name: z.string().regex(/^[A-Z_]+$/, 'use UPPER_SNAKE_CASE, like an environment variable'),
    ownerTeamId: z.string().min(1),
  });
  const resolve = plainResolver(schema, { seconds: 'Seconds' });

  it('names each field in words before zod’s predicate, and leaves a schema’s own advice as a sentence', async () => {
    const result = await resolve(
      { seconds: '0', name: 'api key', ownerTeamId: '' },
      undefined,
      resolverOptions,
    );
    expect(result.values).toEqual({});
    expect(result.errors).toEqual({
      seconds: expect.objectContaining({ message: 'Seconds must be at least 1' }),
      name: expect.objectContaining({ message: 'Use UPPER_SNAKE_CASE, like an environment variable' }),
      ownerTeamId: expect.objectContaining({ message: 'Owner team is required' }),
    });
  });

  it('passes the parsed values on when the draft is good', async () => {
    const result = await resolve(
      { seconds: ' 45 ', name: 'API_KEY', ownerTeamId: 't1' },
      undefined,
      resolverOptions,
    );
    expect(result).toEqual({ values: { seconds: 45, name: 'API_KEY', ownerTeamId: 't1' }, errors: {} });
  });
});
