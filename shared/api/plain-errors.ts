import { z } from 'zod';
import type { $ZodRawIssue } from 'zod/v4/core';

/**
 * Validation messages in plain words (docs/architecture.md, "Rules"): zod's defaults ("Too big:
 * expected string to have <=50 characters") are for developers. Installed once per runtime
 * (platform, desktop backend, renderer); a schema's own message ("must look like 2025-Q3") still wins.
 * Messages are predicates ("must be at most 50 characters") so `describeIssue` can put the
 * field's name in front of them.
 */

const kinds: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a group of fields',
  date: 'a date',
};

const formats: Readonly<Record<string, string>> = {
  email: 'an email address like jane@example.com',
  url: 'a web address such as https://example.com',
  uuid: 'an id in the form 0b6e…-…',
  datetime: 'a date and time',
  date: 'a date (YYYY-MM-DD)',
};

type RawIssue = $ZodRawIssue;

/** The plain message of one issue; undefined leaves zod's (e.g. a refine's own message). */
export function plainMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'is required';
      return `must be ${kinds[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n <= 1 ? 'is required' : `needs at least ${n} characters`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return n <= 1 ? 'needs at least one item' : `needs at least ${n} items`;
      return issue.inclusive === false ? `must be more than ${n}` : `must be at least ${n}`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return `must be at most ${n} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `can have at most ${n} items`;
      return issue.inclusive === false ? `must be less than ${n}` : `must be at most ${n}`;
    }
    case 'invalid_format':
      return formats[issue.format] ? `must be ${formats[issue.format]}` : 'is not in the expected form';
    case 'invalid_value': {
      const values = issue.values.map(String);
      if (values.length === 1) return `must be ${values[0]}`;
      return values.length <= 8 ? `must be one of ${values.join(', ')}` : 'is not one of the allowed values';
    }
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `has fields Pave does not know: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'is not in any of the accepted forms';
    default:
      return undefined;
  }
}

let installed = false;

/** Makes plain messages zod's default for this runtime (idempotent). */
export function installPlainErrors(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: plainMessage });
}

/** `tags.2` → "Tag 3", `ownerTeamId` → "Owner team", `answers.nps` → "Answers: nps". */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const keys = path.filter((key): key is string | number => typeof key !== 'symbol');
  if (keys.length === 0) return '';
  const last = keys.at(-1)!;
  if (typeof last === 'number') {
    const parent = keys.at(-2);
    const name = typeof parent === 'string' ? words(parent.replace(/Ids$/, '').replace(/s$/, '')) : 'Item';
    return `${name} ${last + 1}`;
  }
  const parent = keys.at(-2);
  // A key inside a record (answers keyed by question id): name the record, then the key as is.
  if (typeof parent === 'string' && /[0-9]|-/.test(last)) return `${words(parent)}: ${last}`;
  return words(last.replace(/Id$/, '').replace(/Ids$/, 's'));
}

function words(key: string): string {
  const spaced = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** "Title is required", or the message alone when it is about the whole input. */
export function describeIssue(issue: { path: readonly PropertyKey[]; message: string }): string {
  const label = fieldLabel(issue.path);
  if (label === '') return capitalize(issue.message);
  // A schema's own message may already be a sentence ("Use the form 2025-Q3"): keep it whole.
  return /^[A-Z]/.test(issue.message) ? `${label}: ${issue.message}` : `${label} ${issue.message}`;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** One field's problem, for forms to show next to the field (path as react-hook-form names it). */
export interface FieldProblem {
  path: string;
  message: string;
}

export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((key) => typeof key !== 'symbol').join('.'),
    message: describeIssue(issue),
  }));
}
