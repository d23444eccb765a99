import { z } from 'zod';

/** A form field derived from one property of a template's JSON Schema. */
export interface FormField {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'number' | 'select' | 'team';
  required: boolean;
  options: string[];
  min?: number;
  max?: number;
  defaultValue: string;
}

/** What the inputs hold: one string per field (react-hook-form's values). */
export type FormStrings = Record<string, string>;

interface JsonSchemaProperty {
  type?: string;
  description?: string;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fields in schema order; `ownerTeamId` becomes a team picker, long strings a textarea. */
export function fieldsOf(schema: Record<string, unknown>): FormField[] {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  return Object.entries(properties).map(([name, raw]) => {
    const property = (isRecord(raw) ? raw : {}) as JsonSchemaProperty;
    const options = (property.enum ?? []).map(String);
    const kind: FormField['kind'] =
      name === 'ownerTeamId'
        ? 'team'
        : options.length
          ? 'select'
          : property.type === 'integer' || property.type === 'number'
            ? 'number'
            : (property.maxLength ?? 0) > 500
              ? 'textarea'
              : 'text';
    return {
      name,
      label: property.description ?? name,
      kind,
      // A field with a default may be left empty: the default applies.
      required: required.has(name) && property.default === undefined,
      options,
      ...(property.minimum !== undefined ? { min: property.minimum } : {}),
      ...(property.maximum !== undefined ? { max: property.maximum } : {}),
      defaultValue: property.default === undefined ? '' : String(property.default),
    };
  });
}

/** Form strings → typed values (numbers parsed, empty optional fields left out). */
export function valuesOf(fields: FormField[], form: FormStrings): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const text = (form[field.name] ?? '').trim();
    if (text === '' && !field.required) continue;
    values[field.name] = field.kind === 'number' && text !== '' ? Number(text) : text;
  }
  return values;
}

/**
 * The form's zod schema for react-hook-form's resolver: the input strings are turned into typed
 * values, then checked by the template's own schema (zod from its JSON Schema), so each issue's
 * path is the field it belongs to.
 */
export function formSchemaOf(
  schema: Record<string, unknown>,
  fields: FormField[],
): z.ZodType<Record<string, unknown>, FormStrings> {
  const typed = z.record(z.string(), z.string()).transform((form) => valuesOf(fields, form));
  try {
    // A template's parameters are an object schema (shared/api/templates.ts), so its parser reads records.
    const parameters = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]) as z.ZodType<
      Record<string, unknown>,
      Record<string, unknown>
    >;
    return typed.pipe(parameters);
  } catch {
    // A schema this client cannot read: the platform validates anyway and answers with field errors.
    return typed;
  }
}

/** Field-level messages a person can act on, instead of zod's developer-facing defaults. */
export function fieldMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? 'Required' : `At least ${issue.minimum} characters`;
      }
      return `At least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string' ? `At most ${issue.maximum} characters` : `At most ${issue.maximum}`;
    case 'invalid_type':
      if (issue.expected === 'int') return 'Enter a whole number';
      return issue.expected === 'number' ? 'Enter a number' : undefined;
    case 'invalid_format':
      return issue.format === 'regex' ? 'Does not match the format described above' : undefined;
    case 'invalid_value':
      return `Choose one of: ${issue.values.map(String).join(', ')}`;
    default:
      // Zod's own message.
      return undefined;
  }
}
