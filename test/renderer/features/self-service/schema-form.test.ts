import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  fieldMessage,
  fieldsOf,
  formSchemaOf,
  valuesOf,
} from '../../../../renderer/features/self-service/schema-form';

// A template parameter schema as the platform serves it (JSON Schema from zod).
const parameters = z.toJSONSchema(
  z.object({
    name: z
      .string()
      .min(2)
      .regex(/^[a-z][a-z0-9-]*$/),
    title: z.string().min(1),
    ownerTeamId: z.string().min(1),
    replicas: z.number().int().min(1).max(5).default(1),
    runtime: z.enum(['node', 'python']),
    notes: z.string().max(2000).optional(),
  }),
) as Record<string, unknown>;

const fields = fieldsOf(parameters);

describe('template parameter forms', () => {
  it('derives one field per property, in order, with the kinds the form renders', () => {
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['name', 'text', true],
      ['title', 'text', true],
      ['ownerTeamId', 'team', true],
      ['replicas', 'number', false],
      ['runtime', 'select', true],
      ['notes', 'textarea', false],
    ]);
    expect(fields.find((f) => f.name === 'runtime')?.options).toEqual(['node', 'python']);
  });

  it('turns the input strings into typed values and leaves empty optional fields out', () => {
    const form = {
      name: 'orders',
      title: 'Orders',
      ownerTeamId: 't1',
      replicas: '3',
      runtime: 'node',
      notes: ' ',
    };
    expect(valuesOf(fields, form)).toEqual({
      name: 'orders',
      title: 'Orders',
      ownerTeamId: 't1',
      replicas: 3,
      runtime: 'node',
    });
  });

  it('puts each problem on its field with a message a person can act on', () => {
    const schema = formSchemaOf(parameters, fields);
    const result = schema.safeParse(
      { name: 'X', title: '', ownerTeamId: 't1', replicas: '2.5', runtime: 'ruby', notes: '' },
      { error: fieldMessage },
    );
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(
      (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]),
    );
    expect(byField.name).toBeDefined();
    expect(byField.title).toBe('Required');
    expect(byField.replicas).toBe('Enter a whole number');
    expect(byField.runtime).toBe('Choose one of: node, python');
  });

  it('accepts a valid form and applies the schema defaults', () => {
    const schema = formSchemaOf(parameters, fields);
    const result = schema.safeParse({
      name: 'orders',
      title: 'Orders',
      ownerTeamId: 't1',
      replicas: '',
      runtime: 'python',
    });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ name: 'orders', replicas: 1, runtime: 'python' });
  });
});
