import { describe, expect, it } from 'vitest';
import { createHeading } from '../../../../renderer/features/self-service/CreateServicePage';

describe('createHeading', () => {
  it('says creating while it runs, created when done, and that it could not finish on failure', () => {
    expect(createHeading('billing', false, false)).toBe('Creating billing…');
    expect(createHeading('billing', true, false)).toBe('Created billing');
    expect(createHeading('billing', true, true)).toBe('Could not finish creating billing');
  });
});
