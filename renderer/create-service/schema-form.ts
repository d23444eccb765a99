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
export function valuesOf(fields: FormField[], form: Record<string, string>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const text = (form[field.name] ?? '').trim();
    if (text === '' && !field.required) continue;
    values[field.name] = field.kind === 'number' && text !== '' ? Number(text) : text;
  }
  return values;
}

/** Validates with the template's own schema (zod from its JSON Schema): errors by field. */
export function validate(
  schema: Record<string, unknown>,
  values: Record<string, unknown>,
): Record<string, string> {
  let parser: z.ZodType;
  try {
    parser = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
  } catch {
    // A schema this client cannot read: the platform validates anyway and answers with field errors.
    return {};
  }
  const result = parser.safeParse(values);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    errors[field] ??= issue.message;
  }
  return errors;
}
