import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { text, TextProblem } from '../../../shared/api/text';

const messages = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('text()', () => {
  it('accepts ordinary text, emoji (a surrogate pair) included', () => {
    expect(text().parse('payments-api ✓ 🚀')).toBe('payments-api ✓ 🚀');
  });

  it('refuses NUL and lone surrogates with the words a person reads', () => {
    expect(messages(text(), 'a\u0000b')).toEqual([TextProblem.nul]);
    expect(messages(text(), 'a\ud800b')).toEqual([TextProblem.loneSurrogate]);
    expect(messages(text(), '\udc00')).toEqual([TextProblem.loneSurrogate]);
  });

  it('refuses what is not a string before looking at its characters', () => {
    expect(text().safeParse(42).error?.issues[0]?.code).toBe('invalid_type');
  });

  it('chains like z.string(), and a chained check never changes the shared base', () => {
    const name = text().min(2).max(5);
    expect(messages(name, 'a')).toHaveLength(1);
    expect(messages(name, 'abcdef')).toHaveLength(1);
    expect(messages(name, 'a\u0000')).toEqual([TextProblem.nul]);
    expect(text().parse('a')).toBe('a');
    expect(text().parse('abcdefgh')).toBe('abcdefgh');
  });

  it('reports the path of a broken field inside an object', () => {
    const result = z.object({ title: text() }).safeParse({ title: 'x\u0000' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['title'], message: TextProblem.nul });
  });
});
