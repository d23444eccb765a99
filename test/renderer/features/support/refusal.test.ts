import { describe, expect, it } from 'vitest';
import { IpcError } from '../../../../renderer/data/ipc-error';
import { fieldMessage, splitRefusal } from '../../../../renderer/features/support/refusal';

const FIELDS = ['title', 'body', 'capability'] as const;

describe('a refused support form', () => {
  it('puts each reason next to its field and needs no form message when all found one', () => {
    const err = new IpcError({
      code: 'invalid_input',
      message: 'Title is required',
      fields: [{ path: 'title', message: 'is required' }],
    });
    expect(splitRefusal(err, FIELDS)).toEqual({
      fields: [{ path: 'title', message: 'is required' }],
      message: null,
    });
  });

  it('keeps the message when a reason names a field the form does not have', () => {
    const err = new IpcError({
      code: 'invalid_input',
      message: 'Team is not known',
      fields: [
        { path: 'capability', message: 'is required' },
        { path: 'teamId', message: 'is not known' },
      ],
    });
    expect(splitRefusal(err, FIELDS)).toEqual({
      fields: [{ path: 'capability', message: 'is required' }],
      message: 'Team is not known',
    });
  });

  it('shows the message of a refusal without fields, or of any other error', () => {
    expect(
      splitRefusal(new IpcError({ code: 'offline', message: 'The platform is offline.' }), FIELDS),
    ).toEqual({
      fields: [],
      message: 'The platform is offline.',
    });
    expect(splitRefusal(new Error('boom'), FIELDS).message).toBe('boom');
  });

  it('names the field in front of a predicate and leaves a sentence alone', () => {
    expect(fieldMessage('Title', 'is required')).toBe('Title is required');
    expect(fieldMessage('Title', 'Use fewer than 200 characters')).toBe('Use fewer than 200 characters');
  });
});
